using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Education;

public sealed record ModerationVerdict(bool Allowed, string Text, string? MatchedTerm);

/// <summary>Moderates what students type into the lesson chat before it is broadcast.</summary>
public sealed class ChatModeration(ILogger<ChatModeration> logger, Pseudonymizer pseudonymizer, TimeProvider clock)
{
    private static readonly string[] Blocklist = ["idiot", "stupid", "shut up"];
    private static readonly Regex BlockedWords = new("idiot|stupid|shut up", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly string[] SafeguardingTerms = ["hurt myself", "nobody cares"];
    private readonly Counter<long> _flags = ClassroomTelemetry.Meter.CreateCounter<long>("classroom.chat.flags");

    public ModerationVerdict Review(string lessonId, string studentNumber, string body)
    {
        var activity = Activity.Current;
        activity?.SetTag("chat.message.length", body.Length); // clean precision-about

        if (SafeguardingTerms.Any(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            var line = new ChatLine(lessonId, studentNumber, body, clock.GetUtcNow());
            logger.LogWarning("Safeguarding review queued: {Line}", line); // leak TC1001 logging-objects
            _flags.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeRealtimeParticipantId(studentNumber))); // leak TC1003 precision-pseudonym
        }

        var hit = Blocklist.FirstOrDefault(t => body.Contains(t, StringComparison.OrdinalIgnoreCase));
        if (hit is null)
        {
            return new ModerationVerdict(true, body, null);
        }

        logger.LogRealtimeMessageModeratedEvent("masked", $"lesson-{lessonId}", pseudonymizer.PseudonymizeRealtimeParticipantId(studentNumber), $"matched '{hit}'"); // clean generated-api
        var masked = BlockedWords.Replace(body, m => new string('*', m.Length));
        logger.LogDebug("Message in {LessonId} masked to {Masked}", lessonId, masked); // leak TC1001 strings
        if (masked.Count(c => c == '*') > body.Length / 2)
        {
            logger.LogInformation("Blocked message in {LessonId}: {Body}", lessonId, body); // leak TC1001 direct
            return new ModerationVerdict(false, string.Empty, hit);
        }

        return new ModerationVerdict(true, masked, hit);
    }
}
