/// Words that carry no phenotype meaning of their own: skipped when phrases are compared,
/// so `Abnormality of the kidney` matches `kidney abnormality`.
public enum StopWords {
    /// Lower-case stop words.
    public static let all: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "from", "with", "into", "onto", "upon",
        "and", "or", "nor", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "this", "that", "these", "those", "his", "her", "their", "its", "he", "she", "they", "it", "him",
        "them", "which", "who", "whom", "whose", "also", "both", "either", "than", "then", "there", "very",
        "s", "some", "any", "such", "other", "due", "our", "we", "patient", "patients", "case",
        "cases", "finding", "findings",
    ]

    /// Prefixes written both joined and hyphenated (`pre-auricular`, `preauricular`): a
    /// hyphenated one is read as one word with the word after it, in phrases and in text.
    public static let joinablePrefixes: Set<String> = [
        "pre", "post", "peri", "hypo", "hyper", "micro", "macro", "sub", "supra", "intra", "inter", "para", "poly",
        "oligo", "brachy", "hemi", "retro", "infra", "mega", "multi", "pseudo",
    ]

    /// Conjunctions that can join two modifiers of one head (`hypoplastic or aplastic nails`).
    public static let coordinators: Set<String> = ["and", "or", "and/or", ","]
}
