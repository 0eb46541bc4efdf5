using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Education;

public sealed record Guardian(string Name, string Email, string Phone, bool PrefersSms);

public sealed record AbsenceRecorded(string StudentNumber, string StudentName, string ClassGroup, DateOnly Date, string Period, IReadOnlyList<Guardian> Guardians);

public interface INotificationSender
{
    Task<string> SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

internal static class GuardianFormatting
{
    public static string ContactOf(Guardian guardian) => guardian.PrefersSms ? guardian.Phone : guardian.Email;

    public static string Subject(AbsenceRecorded absence) => string.Concat("Absence of ", absence.StudentName, " on ", absence.Date.ToString("d"));

    public static IReadOnlyDictionary<string, object?> LogState(AbsenceRecorded absence) => new Dictionary<string, object?>
    {
        ["ClassGroup"] = absence.ClassGroup,
        ["Period"] = absence.Period,
        ["StudentNumber"] = absence.StudentNumber,
    };
}

/// <summary>Tells guardians when a student misses a registered period.</summary>
public sealed class AbsenceNotificationConsumer(
    IConsumer<string, AbsenceRecorded> consumer,
    INotificationSender sender,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<AbsenceNotificationConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("School.Absences");
    private readonly Counter<int> _notified = meter.CreateCounter<int>("school.absence.notifications");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (consumer.Consume(stoppingToken) is { } result)
        {
            var absence = result.Message.Value;
            using var activity = Source.StartActivity("school.absence.notify", ActivityKind.Consumer);
            activity?.SetTag("school.class_group", absence.ClassGroup); // clean precision-names
            activity?.SetTag("school.absence.period", absence.Period);
            activity?.SetTag("school.guardian_count", absence.Guardians.Count); // clean precision-names
            activity?.SetTag("school.student", absence.StudentName); // leak TC1001 direct
            activity?.SetTag(ExamAttributes.CandidateId, pseudonymizer.ComputeExamCandidateId(absence.StudentNumber)); // clean precision-pseudonym

            using var scope = logger.BeginScope(GuardianFormatting.LogState(absence)); // leak TC1001 logging-objects
            var subject = GuardianFormatting.Subject(absence);
            activity?.SetTag("school.notification.subject", subject); // leak TC1001 cross-member

            foreach (var guardian in absence.Guardians)
            {
                var to = GuardianFormatting.ContactOf(guardian);
                var messageId = await sender.SendAsync(to, subject, $"{absence.StudentName} missed {absence.Period}.", stoppingToken);
                activity?.AddEvent(new ActivityEvent("school.notification.sent", tags: new ActivityTagsCollection { ["school.notification.message_id"] = messageId, ["school.notification.sms"] = guardian.PrefersSms })); // clean precision-names
                activity?.AddEvent(new ActivityEvent("school.notification.to", tags: new ActivityTagsCollection { ["school.notification.to"] = to })); // leak TC1001 cross-member
                _notified.Add(1, new KeyValuePair<string, object?>("school.notification.channel", guardian.PrefersSms ? "sms" : "email")); // clean precision-about
                _notified.Add(1, new KeyValuePair<string, object?>("school.guardian.email", guardian.Email)); // leak TC1003 direct
                logger.LogDebug("Notified guardian {GuardianName} by {Channel}", guardian.Name, guardian.PrefersSms ? "sms" : "email"); // leak TC1001 direct
            }

            var household = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", absence.Guardians.Select(g => g.Email).Order()))));
            activity?.SetTag("school.household", household); // leak TC1002 hashes
            activity?.SetTag("school.student.bucket", StringComparer.Ordinal.GetHashCode(absence.StudentNumber)); // leak TC1002 hashes
            logger.LogInformation("Absence {Date} {Period} handled for {Count} guardians", absence.Date, absence.Period, absence.Guardians.Count);
            consumer.Commit(result);
        }
    }
}
