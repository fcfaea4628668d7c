/// The laboratory tests ddx interprets: adult reference ranges (common textbook values), units
/// with conversion factors, and the HPO abnormality terms of low and high values.
public enum LabCatalogue {
    public static let tests: [LabTest] = [
        LabTest(
            ["hemoglobin", "haemoglobin", "hb", "hgb"], unit: "g/dL",
            units: ["g/dl": 1, "g/l": 0.1, "mmol/l": 1.611], low: 12, high: 17.5, lowTerm: 1903, highTerm: 1901),
        LabTest(
            ["platelets", "platelet count", "platelet", "plt"], unit: "×10⁹/L", units: LabUnits.perLitre9, low: 150,
            high: 450, lowTerm: 1873, highTerm: 1894),
        LabTest(
            [
                "white blood cell count", "white blood cells", "white cell count", "wbc", "leukocytes",
                "leukocyte count",
            ],
            unit: "×10⁹/L", units: LabUnits.perLitre9, low: 4, high: 11, lowTerm: 1882, highTerm: 1974),
        LabTest(
            ["absolute neutrophil count", "neutrophils", "neutrophil count", "anc"], unit: "×10⁹/L",
            units: LabUnits.perLitre9, low: 1.5, lowTerm: 1875),
        LabTest(
            ["lymphocytes", "lymphocyte count"], unit: "×10⁹/L", units: LabUnits.perLitre9, low: 1.0, lowTerm: 1888),
        LabTest(
            ["sodium", "serum sodium", "na+"], unit: "mmol/L", units: LabUnits.millimolar, low: 135, high: 145,
            lowTerm: 2902, highTerm: 3228),
        LabTest(
            ["potassium", "serum potassium", "k+"], unit: "mmol/L", units: LabUnits.millimolar, low: 3.5, high: 5.1,
            lowTerm: 2900, highTerm: 2153),
        LabTest(
            ["calcium", "serum calcium"], unit: "mmol/L", units: ["mmol/l": 1, "mg/dl": 0.2495, "meq/l": 0.5],
            low: 2.15, high: 2.6, lowTerm: 2901, highTerm: 3072),
        LabTest(
            ["glucose", "blood glucose", "serum glucose", "blood sugar"], unit: "mmol/L",
            units: ["mmol/l": 1, "mg/dl": 0.0555], low: 3.9, high: 7.8, lowTerm: 1943, highTerm: 3074),
        LabTest(
            ["creatine kinase", "ck", "cpk", "creatine phosphokinase"], unit: "U/L", units: LabUnits.enzyme, high: 200,
            highTerm: 3236),
        LabTest(
            ["ammonia", "plasma ammonia"], unit: "µmol/L", units: ["umol/l": 1, "ug/dl": 0.587], high: 50,
            highTerm: 1987),
        LabTest(
            ["lactate", "lactic acid", "serum lactate", "plasma lactate"], unit: "mmol/L",
            units: ["mmol/l": 1, "mg/dl": 0.111], high: 2.2, highTerm: 2151),
        LabTest(
            ["alanine aminotransferase", "alt", "sgpt"], unit: "U/L", units: LabUnits.enzyme, high: 45,
            highTerm: 31964),
        LabTest(
            ["aspartate aminotransferase", "ast", "sgot"], unit: "U/L", units: LabUnits.enzyme, high: 40,
            highTerm: 31956),
        LabTest(
            ["creatinine", "serum creatinine"], unit: "mg/dL", units: ["mg/dl": 1, "umol/l": 0.0113], high: 1.3,
            highTerm: 3259),
        LabTest(
            ["blood urea nitrogen", "bun", "urea nitrogen"], unit: "mg/dL", units: ["mg/dl": 1, "mmol/l": 2.8],
            high: 20, highTerm: 3138),
        LabTest(
            ["total bilirubin", "bilirubin", "serum bilirubin"], unit: "mg/dL", units: ["mg/dl": 1, "umol/l": 0.0585],
            high: 1.2, highTerm: 2904),
        LabTest(
            ["albumin", "serum albumin"], unit: "g/dL", units: ["g/dl": 1, "g/l": 0.1], low: 3.5, lowTerm: 3073),
        LabTest(
            ["total protein", "serum protein"], unit: "g/dL", units: ["g/dl": 1, "g/l": 0.1], low: 6.0,
            lowTerm: 3075),
        LabTest(
            ["alkaline phosphatase", "alp"], unit: "U/L", units: LabUnits.enzyme, high: 130, highTerm: 3155),
        LabTest(
            ["ferritin", "serum ferritin"], unit: "ng/mL", units: ["ng/ml": 1, "ug/l": 1, "pmol/l": 0.445], low: 15,
            high: 300, lowTerm: 12343, highTerm: 3281),
        LabTest(
            ["thyroid-stimulating hormone", "thyroid stimulating hormone", "tsh"], unit: "mIU/L",
            units: ["miu/l": 1, "uiu/ml": 1, "mu/l": 1, "mui/l": 1], high: 4.5, highTerm: 2925),
        LabTest(
            ["magnesium", "serum magnesium"], unit: "mmol/L", units: ["mmol/l": 1, "mg/dl": 0.411, "meq/l": 0.5],
            low: 0.7, high: 1.05, lowTerm: 2917, highTerm: 2918),
        LabTest(
            ["phosphate", "phosphorus", "serum phosphate"], unit: "mmol/L", units: ["mmol/l": 1, "mg/dl": 0.323],
            low: 0.8, high: 1.5, lowTerm: 2148, highTerm: 2905),
        LabTest(
            ["total cholesterol", "cholesterol"], unit: "mmol/L", units: ["mmol/l": 1, "mg/dl": 0.02586], high: 6.2,
            highTerm: 3124),
        LabTest(
            ["triglycerides", "triglyceride"], unit: "mmol/L", units: ["mmol/l": 1, "mg/dl": 0.01129], high: 2.3,
            highTerm: 2155),
        LabTest(
            ["uric acid", "urate"], unit: "mg/dL", units: ["mg/dl": 1, "umol/l": 0.0168], high: 7.0, highTerm: 2149),
        LabTest(
            ["c-reactive protein", "crp"], unit: "mg/L", units: ["mg/l": 1, "mg/dl": 10], high: 10, highTerm: 11227),
        LabTest(
            ["gamma-glutamyltransferase", "gamma-glutamyl transferase", "ggt"], unit: "U/L", units: LabUnits.enzyme,
            high: 60, highTerm: 30948),
        LabTest(
            ["lactate dehydrogenase", "ldh"], unit: "U/L", units: LabUnits.enzyme, high: 250, highTerm: 25435),
        LabTest(
            ["erythrocyte sedimentation rate", "esr", "sedimentation rate"], unit: "mm/h",
            units: ["mm/h": 1, "mm/hr": 1, "mm/hour": 1], high: 20, highTerm: 3565),
        LabTest(
            ["urine protein", "urinary protein", "protein in the urine"], unit: "mg/dL",
            units: ["mg/dl": 1, "g/l": 100],
            high: 15, highTerm: 93),
    ]
}
