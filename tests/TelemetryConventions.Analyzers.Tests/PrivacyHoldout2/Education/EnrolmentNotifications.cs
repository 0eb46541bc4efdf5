using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Education;

public sealed record StudentEnrolled(string StudentNumber, string CourseCode, string GuardianEmail, string ParentPhone, int Modules) : INotification;

public sealed class EnrolmentMessagingOptions
{
    public string WelcomeEmailTemplateId { get; set; } = "tpl-welcome-v3";

    public required byte[] ShardKey { get; init; }
}

public sealed class EnrolmentNotificationHandler(
    ILogger<EnrolmentNotificationHandler> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<EnrolmentMessagingOptions> options) : INotificationHandler<StudentEnrolled>
{
    private readonly Counter<int> _welcomes = meter.CreateCounter<int>("lms.welcome.sent");

    public Task Handle(StudentEnrolled notification, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CourseCode"] = notification.CourseCode, ["StudentNumber"] = notification.StudentNumber }); // leak TC1001 logging-objects
        using var courseScope = logger.BeginScope(new Dictionary<string, object> { ["CourseCode"] = notification.CourseCode, ["Modules"] = notification.Modules }); // clean logging-objects

        Activity.Current?.SetTag("lms.welcome.template", options.Value.WelcomeEmailTemplateId); // clean precision-names
        Activity.Current?.SetTag("lms.guardian.contact", notification.GuardianEmail ?? notification.ParentPhone); // leak TC1001 direct
        Activity.Current?.SetTag("lms.guardian.has_phone", !string.IsNullOrEmpty(notification.ParentPhone)); // clean precision-about

        var shard = ShardOf(notification.StudentNumber, options.Value.ShardKey);
        _welcomes.Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        _welcomes.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeLmsLearnerId(notification.StudentNumber).Value)); // leak TC1003 precision-pseudonym

        var studentHash = notification.StudentNumber.GetHashCode();
        logger.LogDebug("Welcome queued for student hash {StudentHash}", studentHash); // leak TC1002 hashes

        var message = string.Format("Welcome sent to guardian {0} for {1}", notification.GuardianEmail, notification.CourseCode);
        logger.LogInformation(message); // leak TC1001 strings

        meter.CreateLmsAssessmentsCounter().Add(1, lmsRegion: notification.CourseCode[..2]); // clean generated-api
        return Task.CompletedTask;
    }

    private static int ShardOf(string studentNumber, byte[] key)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(studentNumber));
        return mac[0] % 16;
    }
}
