using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-tenth corpus (see <c>PrivacyHoldout110/README.md</c>), written apart from the analyzers
    /// and their rule pages, on appointments, bookings and scheduling: availability searches, slot holds and
    /// confirmations through a shared booking engine, double bookings, reschedules and cancellations inside
    /// a cut-off, waiting lists and offers of released slots, no-shows and did-not-attend follow-up, resource
    /// and rota allocation, ballots with over-allocation, iCalendar invitations with organisers, attendees,
    /// UIDs, recurrence rules and alarms, calendar feeds, SMS reminders through a Twilio-shaped client with its
    /// delivery receipts, replies and errors, email invitations and their bounces, push notifications and
    /// Hangfire-scheduled reminder jobs; and the generated API beside them (a booking span and a reminder
    /// span with typed setters, a booking-failed log event, a bookings counter and a search duration
    /// histogram); with the clean cases beside them (slots, clinics, rooms, patches, bands, tournaments,
    /// studios, stores, services and seats, booking references, job and message ids, UIDs and RRULEs,
    /// capacities, waitlist positions, counts, email domains, card last digits, pseudonyms, keyed shards and
    /// exceptions that quote nothing personal). 315 marked lines.
    /// Graded as written with the analyzers of commit 7c4d4ff: 85 of 113 leaks found (75.2 %), 3 of 202
    /// clean lines reported (1.5 %). The floor guards those figures (75.0 % recall, 1.5 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_tenth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout110"), "PrivacyHoldout110.Telemetry", minimumMarkers: 300,
            requiredRecall: 0.75, allowedFalsePositives: 0.015, TestFolder("PrivacyCorpus", "Shared"));
}
