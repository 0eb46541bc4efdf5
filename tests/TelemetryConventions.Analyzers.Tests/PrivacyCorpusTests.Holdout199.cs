using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-ninety-ninth corpus (see <c>PrivacyHoldout199/README.md</c>), written apart from the analyzers
    /// and their rule pages, on recruitment agencies and job boards (CVs and cover letters, candidates and referees,
    /// interview scheduling, right-to-work and background checks, offers and salaries, temp workers' timesheets).
    /// A staffing agency's locum nurse bank and DBS rechecks; a supply teaching agency's bookings and right-to-work checks; a
    /// contract engineering agency's timesheets from a topic keyed by worker id, on to payroll; a games QA agency's playtester
    /// sign-ups and interviews over gRPC; a broadcast crewing agency's bookings, references and offers; a retailer's seasonal
    /// hiring through a job board (applications, cover letters, parsed CVs, shifts); a driver recruitment agency's licence, DQC
    /// and right-to-work vetting and an interview scheduling worker; and the generated API beside them, with the clean cases
    /// (vacancies, applications, bookings, shifts, assignments, school URNs, salary bands, pay rates, penalty points, outcomes,
    /// email domains, lengths, counts, pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a person and
    /// exceptions that quote nothing personal). 323 marked lines (131 leaks, 192 clean). Graded as written: 110 of 131 leaks
    /// found (84.0 %), 0 of 192 clean lines reported (0.0 %); every miss was checked against the decisions and stands, no
    /// marker was corrected. The floor guards these figures (83.4 % recall, at least 323 marked lines), and false
    /// positives up to 2.1 %: the corpus's reference mailer builds its request id from the referee's id ("REQ-" +
    /// RefereeId), so since a referee's id is read as a person's, three lines that send the request id are reported.
    /// </summary>
    [Fact]
    public Task Hundred_and_ninety_ninth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout199"), "PrivacyHoldout199.Telemetry", minimumMarkers: 323,
            requiredRecall: 0.834, allowedFalsePositives: 0.021, TestFolder("PrivacyCorpus", "Shared"));
}
