import Ontology

/// Clinical acronyms that notes use and the ontology may lack, each with the term it
/// nearly always means in a phenotype description. Ambiguous acronyms are resolved in
/// context by the recognizer (a definition in the text, or the document's other words).
public enum Abbreviations {
    public static let common: [(String, TermID)] = [
        ("ID", TermID(1249)), ("MR", TermID(1249)), ("GDD", TermID(1263)), ("DD", TermID(1263)),
        ("GERD", TermID(2020)), ("GORD", TermID(2020)), ("VSD", TermID(1629)), ("ASD", TermID(1631)),
        ("PDA", TermID(1643)), ("PFO", TermID(1655)), ("FTT", TermID(1508)), ("IUGR", TermID(1511)),
        ("SNHL", TermID(407)), ("ADHD", TermID(7018)), ("HCM", TermID(1639)), ("DCM", TermID(1644)),
        ("CHD", TermID(1627)), ("CP", TermID(100021)), ("OSA", TermID(2870)), ("HSM", TermID(1433)),
        ("ASD", TermID(729)), ("TOF", TermID(1636)), ("PS", TermID(1642)), ("CKD", TermID(12622)),
    ]
}
