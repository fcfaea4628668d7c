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

    /// Conjunctions that can join two modifiers of one head (`hypoplastic or aplastic nails`).
    public static let coordinators: Set<String> = ["and", "or", "and/or", ","]
}
