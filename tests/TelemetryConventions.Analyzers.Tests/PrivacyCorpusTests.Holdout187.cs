using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-eighty-seventh corpus (see <c>PrivacyHoldout187/README.md</c>), written apart from the analyzers
    /// and their rule pages, on chatbots and contact-centre AI (conversation transcripts, intent detection, handoff to agents,
    /// call recordings and redaction, sentiment, satisfaction surveys, agents' own details).
    /// A trust's symptom-checker chat with its nurse handoff; a university's admissions chatbot, clearing handoff and CSAT
    /// survey; an energy supplier's call-ended consumer that redacts, archives, transcribes and scores recordings and files
    /// wrap-ups; a publisher's player support chat over gRPC; a broadcaster's complaints line with recorded calls and quality
    /// evaluations of agents; a retailer's order chat with verification and an NPS question; a rail operator's assistance
    /// call-back worker; and the generated API beside them, with the clean cases beside them (conversation, call, recording,
    /// ticket, survey, response and evaluation ids, intents, queues, teams, skills, channels, confidences, sentiment labels and
    /// scores, turn counts, talk and hold times, lengths, email domains, a caller's number prefix and masked last four,
    /// pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a person and exceptions that quote nothing
    /// personal). 325 marked lines (128 leaks, 197 clean). Graded as written: 110 of 128 leaks found (85.9 %), 0 of 197 clean
    /// lines reported (0.0 %); every miss was checked against the decisions and stands, no marker was corrected. The floor
    /// guards these figures (85.4 % recall, 0.5 % false positives, at least 325 marked lines).
    /// </summary>
    [Fact]
    public Task Hundred_and_eighty_seventh_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout187"), "PrivacyHoldout187.Telemetry", minimumMarkers: 325,
            requiredRecall: 0.854, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
