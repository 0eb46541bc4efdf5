using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-twenty-seventh corpus (see <c>PrivacyHoldout127/README.md</c>), written apart from the analyzers
    /// and their rule pages, on training and certification: course enrolments, xAPI statements sent to a learning
    /// record store and queried back, SCORM run-time data and LTI grade passback, assessments and competency
    /// sign-offs with attempts and proctoring flags, certificates and their numbers and verification links, Open
    /// Badges with hashed recipients, mandatory training and compliance snapshots, overdue staff and reminders,
    /// CPD logs and professional register look-ups, contractor cards, driver CPC hours and licences; and the
    /// generated API beside them (a record span with typed setters, a record-failed log event, a completions
    /// counter and a record duration histogram); with the clean cases beside them (course, module, lesson,
    /// activity and verb ids, statement and registration ids, template ids, scores, hours and counts, stores,
    /// wards, depots and desks, email domains, card last digits, pseudonyms, keyed shards, exceptions that
    /// quote nothing personal). 294 marked lines. Graded as written with the analyzers of commit ecaec58: 88 of 110
    /// leaks found (80.0 %), 0 of 184 clean lines reported (0.0 %). The floor guards those figures (79.5 % recall,
    /// 0.5 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_twenty_seventh_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout127"), "PrivacyHoldout127.Telemetry", minimumMarkers: 290,
            requiredRecall: 0.795, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
