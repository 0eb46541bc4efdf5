using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-fifty-third corpus (see <c>PrivacyHoldout153/README.md</c>), written apart from the analyzers
    /// and their rule pages, on dentists, opticians, pharmacies and high-street health: dental recalls and NHS claims,
    /// sight tests, optical vouchers and eye referrals, electronic prescriptions and Pharmacy First consultations, school
    /// vision screening and dental inspections, a dental school's student clinic, an energy supplier's priority services
    /// register and power cut calls, pharmacies' vaccine fridges, a toothbrushing game with smart toothbrushes and a
    /// console game's eye-break reminders, a health desk's ask-the-pharmacist column, a dental makeover series and advert
    /// clearance, an online pharmacy's medicine questionnaires, contact lens subscriptions and click-and-collect, and home
    /// delivery of medicines with controlled drug signatures and patient transport; and the generated API beside them
    /// (an operation span with typed setters, a failed-operation log event, counters and duration histograms); with the
    /// clean cases beside them (practices, branches, ODS codes, bands, conditions, refraction values, schools, need codes,
    /// fridges, incidents, worlds, quests, brush models, topics, adverts, SKUs, brands, stores, depots, rounds, vans, ids of
    /// operations, email domains, postcode districts, lengths, counts, pseudonyms, keyed shards, exceptions that quote
    /// nothing personal). 356 marked lines. Graded as written with the analyzers of commit b01e46c: 104 of 126 leaks
    /// found (82.5 %), 1 of 230 clean lines reported (0.4 %); no marker was changed. The floor guards those figures
    /// (82.0 % recall, 1.0 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_fifty_third_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout153"), "PrivacyHoldout153.Telemetry", minimumMarkers: 350,
            requiredRecall: 0.820, allowedFalsePositives: 0.010, TestFolder("PrivacyCorpus", "Shared"));
}
