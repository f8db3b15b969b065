namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// The sources and citations behind the planner's default rules. Seed-fact entries (<c>SF-xx:NNN:LINE</c>) quote one
/// line of a source document in <c>shared/seeds</c>, word for word, for every line that
/// <c>seed-facts.md</c> cites (one or two lines for a cited range). Publication, regulator and
/// convention entries follow; they carry no line, name the reference as listed in
/// <c>literature-notes.md</c>, and summarise in brief what it reports.
/// </summary>
public static class DefaultCitations
{
    private const string NotesTitle = "Literature notes kept with the rules";

    /// <summary>
    /// Every cited source. The five documents' titles are their first lines and their publishers
    /// are as seed-facts.md names them; publications are named as literature-notes.md lists them.
    /// </summary>
    public static IReadOnlyList<Source> Sources { get; } =
    [
        new("000_2dc876317c3efb0c", SourceKind.PatientArticle, "Are Microneedling Results Permanent?", null, null),
        new("001_7e0816e3f0eb3eee", SourceKind.PatientArticle, "Is Microneedling Permanent? Here's What You Need to Know", "Aestheticus Med Spa, Brooklyn, NY", null),
        new("002_0a62f991961f9276", SourceKind.PatientArticle, "What Is Microneedling And How Long Do The Effects Of It Last", null, null),
        new("003_d8a1b3cc82fea343", SourceKind.PatientArticle, "Are Microneedling Results Permanent for Treating Acne Scars?", "Kristie Pacheco, Digital Woman Award blog", 2025),
        // 004 has no title line; it is named by what it is.
        new("004_0fb743432a5ac36e", SourceKind.PatientArticle, "a guide to how long microneedling lasts (untitled)", "32 Med Spa", null),

        new("Harris2015", SourceKind.Publication, "Int J Womens Dermatol 1:77", "Harris, Naidoo & Murrell", 2015),
        new("Alster2020", SourceKind.Publication, "Plast Reconstr Surg 145:358", "Alster & Li", 2020),
        new("Alster2020-striae", SourceKind.Publication, "Dermatol Surg 46:459", "Alster & Li", 2020),
        new("vonDalwigNolda2020", SourceKind.Publication, "J Clin Aesthet Dermatol 13(8):17", "von Dalwig-Nolda & Ablon", 2020),
        new("Alam2014", SourceKind.Publication, "JAMA Dermatol", "Alam et al.", 2014),
        new("Ablon2018", SourceKind.Publication, "J Clin Aesthet Dermatol 11(8):29", "Ablon", 2018),
        new("Aust2008", SourceKind.Publication, "Plast Reconstr Surg 121:1421", "Aust", 2008),
        new("MohamedAli2017", SourceKind.Publication, "J Egypt Womens Dermatol Soc 14:92", "Mohamed Ali", 2017),
        new("Lima2017", SourceKind.Publication, "BMC Dermatol 17:14", "Lima", 2017),
        new("Melasma2019", SourceKind.Publication, "6 sessions every 2 weeks with tranexamic acid or vitamin C (2019 studies)", null, null),
        new("Dhurat2013", SourceKind.Publication, "Int J Trichology 5:6", "Dhurat", 2013),
        new("PRP-split-scalp", SourceKind.Publication, "PRP added no effect in a split-scalp study", null, null),
        new("Chu2021", SourceKind.Publication, "Dermatol Surg 47:1249", "Chu, Foulad & Mesinkovska", 2021),
        new("Iriarte2017", SourceKind.Publication, "Clin Cosmet Investig Dermatol 10:289", "Iriarte et al.", 2017),
        new("JuhaszCohen2020", SourceKind.Publication, "Clin Cosmet Investig Dermatol 13:997", "Juhasz & Cohen", 2020),
        new("JAAD2016", SourceKind.Publication, "J Am Acad Dermatol 2016;74:348", null, null),
        new("Friedmann2024", SourceKind.Publication, "Dermatol Surg", "Friedmann", 2024),
        new("Jacob2001", SourceKind.Publication, "J Am Acad Dermatol 45:109", "Jacob et al.", 2001),
        new("GoodmanBaron2006", SourceKind.Publication, "qualitative acne scar severity", "Goodman & Baron", 2006),
        new("ASDS2017", SourceKind.Publication, "consensus statement", "ASDS", 2017),

        new("FDA", SourceKind.Regulator, "microneedling device authorisations and safety notices", "US FDA", null),

        new("Notes-refer", SourceKind.LiteratureNotes, "Screening: refer to a clinician before planning", NotesTitle, null),
        new("Notes-caution", SourceKind.LiteratureNotes, "Screening: caution, adjust the plan or its advice", NotesTitle, null),
        new("Notes-maintenance", SourceKind.LiteratureNotes, "no peer-reviewed interval found; longest follow-ups 12 months to 1 year", NotesTitle, null),
    ];

    /// <summary>All default citations: seed facts by fact id, document and line, then publications.</summary>
    public static IReadOnlyList<Citation> All { get; } =
    [
        // Range 001:11-23 is a bulleted list; 13 and 15 carry the first two indications.
        new("SF-01:001:13", "SF-01", "001_7e0816e3f0eb3eee", 13, "Fine lines and wrinkles", EvidenceGrade.ConsumerArticle),
        new("SF-01:001:15", "SF-01", "001_7e0816e3f0eb3eee", 15, "Acne scars", EvidenceGrade.ConsumerArticle),
        new("SF-01:004:9", "SF-01", "004_0fb743432a5ac36e", 9, "Decreases the Appearance of Enlarged Pores and Acne Scars", EvidenceGrade.ConsumerArticle),
        new("SF-01:004:10", "SF-01", "004_0fb743432a5ac36e", 10, "Fine lines, mild discoloration, and uneven skin texture can be targeted with microneedling", EvidenceGrade.ConsumerArticle),

        new("SF-02:002:8", "SF-02", "002_0a62f991961f9276", 8, "wrinkles, lines, acne scars, acne, hyperpigmentation, loose skin, pore sizes", EvidenceGrade.ConsumerArticle),
        new("SF-02:002:14", "SF-02", "002_0a62f991961f9276", 14, "microneedling can decrease hair loss", EvidenceGrade.ConsumerArticle),

        new("SF-03:001:51", "SF-03", "001_7e0816e3f0eb3eee", 51, "hair restoration, especially for individuals dealing with hair thinning or mild hair loss", EvidenceGrade.ConsumerArticle),
        new("SF-03:001:55", "SF-03", "001_7e0816e3f0eb3eee", 55, "can last for several months, but without maintenance treatments", EvidenceGrade.ConsumerArticle),

        new("SF-04:001:63", "SF-04", "001_7e0816e3f0eb3eee", 63, "hyperpigmentation is not permanently removed with microneedling", EvidenceGrade.ConsumerArticle),
        new("SF-04:001:65", "SF-04", "001_7e0816e3f0eb3eee", 65, "multiple treatments are needed to see significant improvements", EvidenceGrade.ConsumerArticle),

        new("SF-05:001:45", "SF-05", "001_7e0816e3f0eb3eee", 45, "Severe scars may not be entirely eliminated", EvidenceGrade.ConsumerArticle),
        new("SF-05:003:23", "SF-05", "003_d8a1b3cc82fea343", 23, "effective for mild to moderate scars", EvidenceGrade.ConsumerArticle),
        new("SF-05:003:58", "SF-05", "003_d8a1b3cc82fea343", 58, "Effective for mild to moderate atrophic scars", EvidenceGrade.ConsumerArticle),
        new("SF-05:003:78", "SF-05", "003_d8a1b3cc82fea343", 78, "may not completely eliminate deep or severe scars", EvidenceGrade.ConsumerArticle),

        new("SF-10:000:21", "SF-10", "000_2dc876317c3efb0c", 21, "a series of microneedling sessions spaced several weeks apart is recommended", EvidenceGrade.ConsumerArticle),

        new("SF-11:001:109", "SF-11", "001_7e0816e3f0eb3eee", 109, "you may need 3-6 sessions spaced a few weeks apart", EvidenceGrade.ConsumerArticle),

        new("SF-12:003:41", "SF-12", "003_d8a1b3cc82fea343", 41, "A series of 3 to 6 treatments spaced 4 to 6 weeks apart", EvidenceGrade.ConsumerArticle),
        new("SF-12:003:76", "SF-12", "003_d8a1b3cc82fea343", 76, "3 to 6 sessions spaced 4 to 6 weeks apart are recommended", EvidenceGrade.ConsumerArticle),

        new("SF-13:001:43", "SF-13", "001_7e0816e3f0eb3eee", 43, "depending on the severity of the scars, multiple treatments may be needed", EvidenceGrade.ConsumerArticle),
        new("SF-13:001:109", "SF-13", "001_7e0816e3f0eb3eee", 109, "The number of sessions depends on your skin concerns.", EvidenceGrade.ConsumerArticle),
        new("SF-13:003:10", "SF-13", "003_d8a1b3cc82fea343", 10, "Superficial scars respond better and maintain results longer than deep, icepick, or boxcar scars", EvidenceGrade.ConsumerArticle),
        new("SF-13:003:40", "SF-13", "003_d8a1b3cc82fea343", 40, "Deeper atrophic scars or icepick scars may require more intensive or repeated treatments", EvidenceGrade.ConsumerArticle),

        new("SF-14:004:20", "SF-14", "004_0fb743432a5ac36e", 20, "multiple treatments spaced a few weeks apart, many people notice more significant and longer-lasting improvements", EvidenceGrade.ConsumerArticle),
        new("SF-14:004:43", "SF-14", "004_0fb743432a5ac36e", 43, "A series of microneedling treatments is often needed for optimal results", EvidenceGrade.ConsumerArticle),

        new("SF-15:004:26", "SF-15", "004_0fb743432a5ac36e", 26, "Deeper or more frequent treatments usually stimulate more collagen production", EvidenceGrade.ConsumerArticle),

        new("SF-20:000:13", "SF-20", "000_2dc876317c3efb0c", 13, "improved texture and temporary plumping of the skin due to increased blood flow", EvidenceGrade.ConsumerArticle),

        new("SF-21:002:18", "SF-21", "002_0a62f991961f9276", 18, "it felt like a mild sunburn", EvidenceGrade.ConsumerArticle),
        new("SF-21:004:14", "SF-21", "004_0fb743432a5ac36e", 14, "Skin may look red and feel warm or sensitive, similar to a mild sunburn", EvidenceGrade.ConsumerArticle),

        new("SF-22:004:15", "SF-22", "004_0fb743432a5ac36e", 15, "First 24 to 48 Hours | Redness begins to fade, but the skin may still feel tight", EvidenceGrade.ConsumerArticle),

        new("SF-23:004:16", "SF-23", "004_0fb743432a5ac36e", 16, "Days 3 to 7 | Skin continues healing beneath the surface. You may notice mild flaking or dryness", EvidenceGrade.ConsumerArticle),

        new("SF-24:004:17", "SF-24", "004_0fb743432a5ac36e", 17, "Around 2 Weeks | Improvements in skin tone and texture often become more noticeable", EvidenceGrade.ConsumerArticle),

        new("SF-25:002:22", "SF-25", "002_0a62f991961f9276", 22, "it is not uncommon to begin seeing the procedure’s benefits within a week", EvidenceGrade.ConsumerArticle),

        new("SF-26:001:125", "SF-26", "001_7e0816e3f0eb3eee", 125, "improvements in skin texture and tone within 4-6 weeks of their first session", EvidenceGrade.ConsumerArticle),
        new("SF-26:003:49", "SF-26", "003_d8a1b3cc82fea343", 49, "Initial Results | Visible within 4-6 weeks after treatment", EvidenceGrade.ConsumerArticle),

        new("SF-27:003:50", "SF-27", "003_d8a1b3cc82fea343", 50, "Peak Improvement | Typically reached after 3-6 months as collagen matures", EvidenceGrade.ConsumerArticle),

        // 002:12 states minimal redness and swelling; the 1-3 day figure stands on 003:58 and 003:82.
        new("SF-28:002:12", "SF-28", "002_0a62f991961f9276", 12, "a little bit of redness and swelling, and minimal discomfort", EvidenceGrade.ConsumerArticle),
        new("SF-28:003:58", "SF-28", "003_d8a1b3cc82fea343", 58, "Minimal | 1-3 days", EvidenceGrade.ConsumerArticle),
        new("SF-28:003:82", "SF-28", "003_d8a1b3cc82fea343", 82, "Downtime is minimal, usually involving mild redness and swelling for 1 to 3 days", EvidenceGrade.ConsumerArticle),

        new("SF-30:000:17", "SF-30", "000_2dc876317c3efb0c", 17, "the outcomes are not entirely permanent", EvidenceGrade.ConsumerArticle),
        new("SF-30:001:33", "SF-30", "001_7e0816e3f0eb3eee", 33, "collagen production naturally decreases with age", EvidenceGrade.ConsumerArticle),
        new("SF-30:001:35", "SF-30", "001_7e0816e3f0eb3eee", 35, "For lasting results, maintenance treatments are recommended.", EvidenceGrade.ConsumerArticle),
        new("SF-30:003:74", "SF-30", "003_d8a1b3cc82fea343", 74, "Microneedling results are long-lasting but not entirely permanent.", EvidenceGrade.ConsumerArticle),

        new("SF-31:002:26", "SF-31", "002_0a62f991961f9276", 26, "after your first microneedling treatment, its effects will likely last anywhere from four to six weeks", EvidenceGrade.ConsumerArticle),
        new("SF-31:004:20", "SF-31", "004_0fb743432a5ac36e", 20, "can typically be seen for about 4 to 6 weeks after a single session", EvidenceGrade.ConsumerArticle),

        new("SF-32:004:20", "SF-32", "004_0fb743432a5ac36e", 20, "longer-lasting improvements, often up to 3 to 6 months", EvidenceGrade.ConsumerArticle),

        new("SF-33:003:23", "SF-33", "003_d8a1b3cc82fea343", 23, "Microneedling | 6–12 months, with gradual improvement over time", EvidenceGrade.ConsumerArticle),
        new("SF-33:003:51", "SF-33", "003_d8a1b3cc82fea343", 51, "Longevity of Results | 6 months to several years, depending on individual factors", EvidenceGrade.ConsumerArticle),

        new("SF-34:003:28", "SF-34", "003_d8a1b3cc82fea343", 28, "at least 6 to 12 months post-treatment, with some patients experiencing continued improvement up to 2 years", EvidenceGrade.ConsumerArticle),

        new("SF-40:001:35", "SF-40", "001_7e0816e3f0eb3eee", 35, "Most people need follow-up sessions every 6 to 12 months", EvidenceGrade.ConsumerArticle),
        new("SF-40:001:109", "SF-40", "001_7e0816e3f0eb3eee", 109, "Maintenance treatments are typically recommended every 6-12 months.", EvidenceGrade.ConsumerArticle),

        new("SF-41:003:16", "SF-41", "003_d8a1b3cc82fea343", 16, "These sessions typically occur every 6 to 12 months, depending on individual skin response", EvidenceGrade.ConsumerArticle),
        new("SF-41:003:23", "SF-41", "003_d8a1b3cc82fea343", 23, "with gradual improvement over time | Every 6–12 months", EvidenceGrade.ConsumerArticle),
        new("SF-41:003:52", "SF-41", "003_d8a1b3cc82fea343", 52, "Maintenance Treatments | Recommended every 6-12 months to sustain and enhance results", EvidenceGrade.ConsumerArticle),

        new("SF-42:002:28", "SF-42", "002_0a62f991961f9276", 28, "maintenance treatments which can be anywhere between six months to one year apart", EvidenceGrade.ConsumerArticle),

        new("SF-43:002:28", "SF-43", "002_0a62f991961f9276", 28, "18 months apart for maintenance treatments. However, that is the exception and not the rule", EvidenceGrade.ConsumerArticle),

        new("SF-44:004:46", "SF-44", "004_0fb743432a5ac36e", 46, "schedule touch-up microneedling sessions every 3 to 6 months to maintain results", EvidenceGrade.ConsumerArticle),

        // Range 004:48-53; 49 and 51 carry the first and third signs.
        new("SF-45:004:49", "SF-45", "004_0fb743432a5ac36e", 49, "Return of Fine Lines or Wrinkles", EvidenceGrade.ConsumerArticle),
        new("SF-45:004:51", "SF-45", "004_0fb743432a5ac36e", 51, "Reappearance of Acne Scars or Texture Issues", EvidenceGrade.ConsumerArticle),

        new("SF-50:003:10", "SF-50", "003_d8a1b3cc82fea343", 10, "Superficial scars respond better and maintain results longer than deep, icepick, or boxcar scars", EvidenceGrade.ConsumerArticle),
        new("SF-50:003:40", "SF-50", "003_d8a1b3cc82fea343", 40, "Deeper atrophic scars or icepick scars may require more intensive or repeated treatments", EvidenceGrade.ConsumerArticle),

        new("SF-51:003:11", "SF-51", "003_d8a1b3cc82fea343", 11, "Multiple treatments spaced appropriately produce more robust collagen remodeling, improving long-term results", EvidenceGrade.ConsumerArticle),
        new("SF-51:003:41", "SF-51", "003_d8a1b3cc82fea343", 41, "spaced 4 to 6 weeks apart generally produces more durable results than a single session", EvidenceGrade.ConsumerArticle),

        new("SF-52:003:12", "SF-52", "003_d8a1b3cc82fea343", 12, "Consistent use of sun protection, moisturizers, and possibly topical treatments enhances and prolongs effects", EvidenceGrade.ConsumerArticle),
        new("SF-52:003:42", "SF-52", "003_d8a1b3cc82fea343", 42, "Proper maintenance with sun protection, moisturizing, and topical agents (e.g., retinoids) supports collagen maturation", EvidenceGrade.ConsumerArticle),
        new("SF-52:004:28", "SF-52", "004_0fb743432a5ac36e", 28, "Gentle cleansers, hydrating creams, and daily sunscreen help skin recover effectively", EvidenceGrade.ConsumerArticle),

        new("SF-53:003:13", "SF-53", "003_d8a1b3cc82fea343", 13, "Smoking, excessive sun exposure, and poor nutrition can degrade collagen, diminishing the longevity of results", EvidenceGrade.ConsumerArticle),
        new("SF-53:003:44", "SF-53", "003_d8a1b3cc82fea343", 44, "Smoking, sun exposure, and poor nutrition can degrade collagen and accelerate skin aging", EvidenceGrade.ConsumerArticle),
        new("SF-53:004:30", "SF-53", "004_0fb743432a5ac36e", 30, "Smoking or heavy alcohol use can slow the healing process and reduce the overall benefits", EvidenceGrade.ConsumerArticle),
        new("SF-53:004:42", "SF-53", "004_0fb743432a5ac36e", 42, "Smoking decreases blood flow and slows healing", EvidenceGrade.ConsumerArticle),

        new("SF-54:000:25", "SF-54", "000_2dc876317c3efb0c", 25, "Sun exposure, lifestyle choices, and skincare habits can all impact the durability of the improvements", EvidenceGrade.ConsumerArticle),
        new("SF-54:003:13", "SF-54", "003_d8a1b3cc82fea343", 13, "excessive sun exposure, and poor nutrition can degrade collagen, diminishing the longevity of results", EvidenceGrade.ConsumerArticle),
        new("SF-54:004:28", "SF-54", "004_0fb743432a5ac36e", 28, "excessive sun exposure protects the healing skin and helps results last longer", EvidenceGrade.ConsumerArticle),
        new("SF-54:004:34", "SF-54", "004_0fb743432a5ac36e", 34, "Cold, dry air or strong sun may irritate newly treated skin", EvidenceGrade.ConsumerArticle),

        new("SF-55:003:13", "SF-55", "003_d8a1b3cc82fea343", 13, "poor nutrition can degrade collagen, diminishing the longevity of results", EvidenceGrade.ConsumerArticle),
        new("SF-55:004:30", "SF-55", "004_0fb743432a5ac36e", 30, "Staying well-hydrated, eating well, and getting enough sleep all support recovery", EvidenceGrade.ConsumerArticle),
        new("SF-55:004:40", "SF-55", "004_0fb743432a5ac36e", 40, "Staying hydrated, sleeping well, and managing stress all help your skin recover", EvidenceGrade.ConsumerArticle),

        new("SF-56:004:30", "SF-56", "004_0fb743432a5ac36e", 30, "Smoking or heavy alcohol use can slow the healing process", EvidenceGrade.ConsumerArticle),
        new("SF-56:004:42", "SF-56", "004_0fb743432a5ac36e", 42, "excessive alcohol can dehydrate the skin", EvidenceGrade.ConsumerArticle),

        new("SF-57:003:14", "SF-57", "003_d8a1b3cc82fea343", 14, "Younger skin tends to regenerate more efficiently, sustaining improvements for longer periods", EvidenceGrade.ConsumerArticle),
        new("SF-57:004:32", "SF-57", "004_0fb743432a5ac36e", 32, "often showing results sooner. Older skin may respond more slowly", EvidenceGrade.ConsumerArticle),

        new("SF-58:004:24", "SF-58", "004_0fb743432a5ac36e", 24, "elastic skin may show results faster, while sensitive or fragile skin may take longer", EvidenceGrade.ConsumerArticle),

        new("SF-59:003:43", "SF-59", "003_d8a1b3cc82fea343", 43, "Factors such as age, genetics, and overall skin health influence collagen synthesis capacity and healing", EvidenceGrade.ConsumerArticle),

        new("SF-60:004:34", "SF-60", "004_0fb743432a5ac36e", 34, "Cold, dry air or strong sun may irritate newly treated skin", EvidenceGrade.ConsumerArticle),

        new("SF-61:004:36", "SF-61", "004_0fb743432a5ac36e", 36, "Medications, like blood thinners or retinoids, may also affect recovery and outcomes", EvidenceGrade.ConsumerArticle),

        new("SF-70:001:97", "SF-70", "001_7e0816e3f0eb3eee", 97, "avoid direct sunlight for at least 24 hours", EvidenceGrade.ConsumerArticle),

        new("SF-71:001:99", "SF-71", "001_7e0816e3f0eb3eee", 99, "Apply a gentle moisturizer to help the healing process", EvidenceGrade.ConsumerArticle),

        new("SF-72:001:101", "SF-72", "001_7e0816e3f0eb3eee", 101, "first few days after treatment, avoid using strong exfoliants, retinoids, or vitamin C serums", EvidenceGrade.ConsumerArticle),
        new("SF-72:004:44", "SF-72", "004_0fb743432a5ac36e", 44, "After microneedling, avoid harsh scrubs or strong treatments on your skin", EvidenceGrade.ConsumerArticle),

        new("SF-73:001:103", "SF-73", "001_7e0816e3f0eb3eee", 103, "avoid picking or scratching to prevent scarring", EvidenceGrade.ConsumerArticle),

        new("SF-74:001:121", "SF-74", "001_7e0816e3f0eb3eee", 121, "wait 24 hours before applying makeup", EvidenceGrade.ConsumerArticle),

        new("SF-75:003:65", "SF-75", "003_d8a1b3cc82fea343", 65, "supportive topical agents such as vitamin C, peptides, and retinoids after healing", EvidenceGrade.ConsumerArticle),

        new("SF-76:004:28", "SF-76", "004_0fb743432a5ac36e", 28, "Gentle cleansers, hydrating creams, and daily sunscreen", EvidenceGrade.ConsumerArticle),
        new("SF-76:004:39", "SF-76", "004_0fb743432a5ac36e", 39, "Use hydrating products like hyaluronic acid to maintain moisture", EvidenceGrade.ConsumerArticle),
        new("SF-76:004:41", "SF-76", "004_0fb743432a5ac36e", 41, "Daily sunscreen protects your skin", EvidenceGrade.ConsumerArticle),

        new("SF-80:000:29", "SF-80", "000_2dc876317c3efb0c", 29, "treatments like chemical peels or laser resurfacing can be used in conjunction with microneedling", EvidenceGrade.ConsumerArticle),
        new("SF-80:003:25", "SF-80", "003_d8a1b3cc82fea343", 25, "Chemical Peels | 3–6 months | Every 3–6 months | Best for superficial scars", EvidenceGrade.ConsumerArticle),
        new("SF-80:003:61", "SF-80", "003_d8a1b3cc82fea343", 61, "Best for superficial scars and pigmentation", EvidenceGrade.ConsumerArticle),

        new("SF-81:003:24", "SF-81", "003_d8a1b3cc82fea343", 24, "Laser Resurfacing (Ablative) | 1–3 years | 1–2 years or as needed", EvidenceGrade.ConsumerArticle),
        new("SF-81:003:59", "SF-81", "003_d8a1b3cc82fea343", 59, "1-2 weeks | Best for moderate to severe scars", EvidenceGrade.ConsumerArticle),

        new("SF-82:003:60", "SF-82", "003_d8a1b3cc82fea343", 60, "Often permanent for tethered scars | Moderate | 1 week | Effective for rolling scars", EvidenceGrade.ConsumerArticle),

        new("SF-83:003:26", "SF-83", "003_d8a1b3cc82fea343", 26, "Dermal Fillers | 6–18 months | As filler dissolves | Immediate results; temporary, not collagen-inducing", EvidenceGrade.ConsumerArticle),

        new("SF-84:001:57", "SF-84", "001_7e0816e3f0eb3eee", 57, "combined with other treatments like PRP (Platelet-Rich Plasma) therapy", EvidenceGrade.ConsumerArticle),
        new("SF-84:003:84", "SF-84", "003_d8a1b3cc82fea343", 84, "microneedling can be combined with treatments like PRP (platelet-rich plasma)", EvidenceGrade.ConsumerArticle),

        new("SF-85:000:29", "SF-85", "000_2dc876317c3efb0c", 29, "rich in antioxidants, hyaluronic acid, and other beneficial ingredients can further enhance the effects", EvidenceGrade.ConsumerArticle),
        new("SF-85:004:39", "SF-85", "004_0fb743432a5ac36e", 39, "Use hydrating products like hyaluronic acid to maintain moisture and support collagen production", EvidenceGrade.ConsumerArticle),

        new("SF-90:001:113", "SF-90", "001_7e0816e3f0eb3eee", 113, "Numbing cream is applied before treatment to reduce any pain or irritation", EvidenceGrade.ConsumerArticle),
        new("SF-90:002:18", "SF-90", "002_0a62f991961f9276", 18, "apply some numbing cream before you begin the procedure and more after the fact", EvidenceGrade.ConsumerArticle),

        new("SF-91:001:117", "SF-91", "001_7e0816e3f0eb3eee", 117, "In rare cases, improper aftercare or excessive treatments may lead to scarring", EvidenceGrade.ConsumerArticle),

        new("SF-92:002:32", "SF-92", "002_0a62f991961f9276", 32, "a much higher risk of developing an infection, bleeding, bruising, and inflammation", EvidenceGrade.ConsumerArticle),

        new("SF-93:004:36", "SF-93", "004_0fb743432a5ac36e", 36, "Make sure to tell your provider about your medical history and any medications", EvidenceGrade.ConsumerArticle),

        // Publications, regulator statements and clinic conventions (literature-notes.md).
        new("LIT-Harris2015", null, "Harris2015", null, "review: median 3 sessions, median interval 4 weeks, for atrophic acne scars", EvidenceGrade.PeerReviewed),
        new("LIT-Alster2020", null, "Alster2020", null, "n=120 atrophic acne scars: mean 2.5 sessions to reach 50% improvement, 1-6 monthly sessions", EvidenceGrade.PeerReviewed),
        new("LIT-Alster2020-striae", null, "Alster2020-striae", null, "stretch marks: mean 1.8 monthly sessions", EvidenceGrade.PeerReviewed),
        new("LIT-vonDalwigNolda2020", null, "vonDalwigNolda2020", null, "atrophic acne scars: 4 sessions", EvidenceGrade.PeerReviewed),
        new("LIT-Alam2014", null, "Alam2014", null, "RCT, acne scars: sessions 2 weeks apart; improvement not significant at 3 months, significant at 6 months", EvidenceGrade.PeerReviewed),
        new("LIT-Ablon2018", null, "Ablon2018", null, "wrinkles and texture: 4 monthly sessions; significant improvement at days 90 and 150", EvidenceGrade.PeerReviewed),
        new("LIT-Aust2008", null, "Aust2008", null, "n=480, wrinkles and texture: mostly 1 session, up to 4; collagen increase at 6 months, thicker epidermis at 1 year", EvidenceGrade.PeerReviewed),
        new("LIT-MohamedAli2017", null, "MohamedAli2017", null, "stretch marks: red striae respond better than white", EvidenceGrade.PeerReviewed),
        new("LIT-Lima2017", null, "Lima2017", null, "melasma: 2 sessions 30 days apart, combined with a topical and sunscreen", EvidenceGrade.PeerReviewed),
        new("LIT-Melasma2019", null, "Melasma2019", null, "melasma: 6 sessions every 2 weeks combined with tranexamic acid or vitamin C", EvidenceGrade.PeerReviewed),
        new("LIT-Dhurat2013", null, "Dhurat2013", null, "androgenetic alopecia: weekly microneedling for 12 weeks with minoxidil", EvidenceGrade.PeerReviewed),
        new("LIT-PRP-split-scalp", null, "PRP-split-scalp", null, "hair loss: adding PRP to microneedling added no effect in a split-scalp study", EvidenceGrade.PeerReviewed),
        new("LIT-Chu2021", null, "Chu2021", null, "systematic review of 85 articles: erythema, oedema, dryness and pain expected up to 7 days; darker skin is a risk factor", EvidenceGrade.PeerReviewed),
        new("LIT-Iriarte2017", null, "Iriarte2017", null, "review: no standard microneedling protocol has been established", EvidenceGrade.PeerReviewed),
        new("LIT-JuhaszCohen2020", null, "JuhaszCohen2020", null, "review of 58 studies, 1,845 patients: no standard microneedling protocol has been established", EvidenceGrade.PeerReviewed),
        new("LIT-JAAD2016-darker-skin", null, "JAAD2016", null, "Fitzpatrick skin types IV-VI: microneedling considered safer than resurfacing lasers for darker skin", EvidenceGrade.PeerReviewed),
        new("LIT-Friedmann2024", null, "Friedmann2024", null, "systematic review: granulomatous reactions to topical products (e.g. vitamin C serums) applied into fresh channels", EvidenceGrade.PeerReviewed),
        new("LIT-Jacob2001", null, "Jacob2001", null, "acne scar types: icepick (narrow, deep), rolling (wide, undulating, tethered), boxcar (round or oval, sharp edges)", EvidenceGrade.PeerReviewed),
        new("LIT-GoodmanBaron2006", null, "GoodmanBaron2006", null, "qualitative acne scar severity: 1 flat marks, 2 mild, 3 moderate, 4 severe (does not flatten when stretched)", EvidenceGrade.PeerReviewed),
        new("REG-FDA-scope", null, "FDA", null, "microneedling devices authorised for facial acne scars, facial wrinkles and abdominal scars in adults aged 22 and over; hair loss, melasma, stretch marks and pores are outside", EvidenceGrade.Regulator),
        new("REG-FDA-home-devices", null, "FDA", null, "treatment by a trained provider recommended; warns of infection from improperly cleaned home tools", EvidenceGrade.Regulator),
        new("REG-refer-skin-cancer", null, "Notes-refer", null, "active skin cancer in the treatment area: refer to a clinician", EvidenceGrade.Regulator),
        new("REG-refer-infection", null, "Notes-refer", null, "open wounds, sores, irritated skin or active infection in the area, including an active cold sore: refer", EvidenceGrade.Regulator),
        new("REG-refer-bleeding", null, "Notes-refer", null, "bleeding disorder or impaired clotting: refer to a clinician", EvidenceGrade.Regulator),
        new("REG-refer-pregnancy", null, "Notes-refer", null, "pregnancy or breastfeeding: refer to a clinician", EvidenceGrade.Regulator),
        new("REG-refer-isotretinoin", null, "Notes-refer", null, "currently taking isotretinoin: refer to a clinician", EvidenceGrade.Regulator),
        new("REG-refer-allergy", null, "Notes-refer", null, "metal (stainless steel) allergy or allergy to topical anaesthetics: refer to a clinician", EvidenceGrade.Regulator),
        new("REG-age-22", null, "FDA", null, "authorised population is adults aged 22 and over; under 22 is outside it", EvidenceGrade.Regulator),
        new("SEC-refer-anticoagulants", null, "Notes-refer", null, "anticoagulant (blood thinner) use: refer (trial exclusions); the source documents name blood thinners (004:36)", EvidenceGrade.ClinicConvention),
        new("SEC-isotretinoin-recent", null, "Notes-refer", null, "isotretinoin stopped less than 6 months ago: clinician decides (package insert as quoted)", EvidenceGrade.ClinicConvention),
        new("CONS-ASDS2017", null, "ASDS2017", null, "consensus found no evidence to delay some superficial procedures after isotretinoin", EvidenceGrade.ClinicConvention),
        new("SEC-keloid", null, "Notes-refer", null, "keloid or hypertrophic scarring tendency: refer to a clinician", EvidenceGrade.ClinicConvention),
        new("SEC-immunosuppression", null, "Notes-refer", null, "immunosuppression, uncontrolled diabetes or autoimmune disease: refer to a clinician", EvidenceGrade.ClinicConvention),
        new("SEC-active-acne", null, "Notes-caution", null, "inflamed active acne: refer", EvidenceGrade.ClinicConvention),
        new("SEC-cold-sore-prophylaxis", null, "Notes-caution", null, "history of cold sores: discuss antiviral prophylaxis", EvidenceGrade.ClinicConvention),
        new("SEC-fillers-waiting", null, "Notes-caution", null, "recent fillers, botulinum toxin, peels or laser: waiting periods vary by clinic", EvidenceGrade.ClinicConvention),
        new("CONV-maintenance", null, "Notes-maintenance", null, "no peer-reviewed maintenance interval found; longest follow-ups 12 months", EvidenceGrade.ClinicConvention),
    ];
}
