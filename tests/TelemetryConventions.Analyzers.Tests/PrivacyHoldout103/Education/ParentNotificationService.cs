namespace PrivacyHoldout103.Education;

public sealed record GuardianDevice(string GuardianEmail, string InstallationId, string PushToken, string Platform);

public sealed record AbsenceAlert(string StudentNumber, string PreferredName, string TutorGroup, DateOnly Date, IReadOnlyList<GuardianDevice> Guardians);

/// <summary>Pushes absence alerts to the parent app; tokens FCM no longer knows are dropped.</summary>
public sealed class ParentNotificationService(IFirebaseMessaging fcm, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ParentNotificationService> logger)
{
    public async Task SendAsync(AbsenceAlert alert, CancellationToken cancellationToken)
    {
        var tokens = alert.Guardians.Select(g => g.PushToken).ToList();
        using var span = source.StartLearnappPushSend("attendance", "android");
        span.SetLearnappUserId(pseudonymizer.PseudonymizeLearnappUserId(alert.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("push.tutor_group", alert.TutorGroup); // clean precision-names
        Activity.Current?.SetTag("push.guardian_count", alert.Guardians.Count); // clean precision-about
        logger.LogInformation("Absence alert for {PreferredName} in {TutorGroup}", alert.PreferredName, alert.TutorGroup); // leak TC1001 direct
        var body = $"{alert.PreferredName} was not registered in {alert.TutorGroup} this morning";
        logger.LogDebug("Push body {Body}", body); // leak TC1001 strings

        var response = await fcm.SendEachForMulticastAsync(new MulticastMessage { Tokens = tokens, Notification = new Notification { Title = "Attendance", Body = body } }, cancellationToken);
        span.SetLearnappOutcome($"{response.SuccessCount}/{tokens.Count}"); // clean precision-about
        for (var i = 0; i < response.Responses.Count; i++)
        {
            if (response.Responses[i].Exception is { MessagingErrorCode: MessagingErrorCode.Unregistered } ex)
            {
                var guardian = alert.Guardians[i];
                logger.LogInformation(ex, "Dropping token for guardian {GuardianEmail}", guardian.GuardianEmail); // leak TC1001 direct
                Activity.Current?.SetTag(LearnappAttributes.UserContact, guardian.GuardianEmail); // leak TC1001 generated-api
                Activity.Current?.SetTag("push.dropped_token.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(guardian.PushToken)))); // leak TC1002 hashes
            }
        }
        meter.CreateLearnappPushSentCounter().Add(response.FailureCount, learnappNotificationKind: "attendance", learnappPlatform: "android", learnappOutcome: "failed"); // clean precision-about
    }
}
