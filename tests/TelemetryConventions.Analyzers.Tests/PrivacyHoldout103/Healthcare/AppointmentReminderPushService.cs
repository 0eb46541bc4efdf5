namespace PrivacyHoldout103.Healthcare;

/// <summary>A reminder the scheduler queues the day before an outpatient appointment.</summary>
public sealed record ReminderJob(Guid AppointmentId, string HospitalNumber, string ClinicCode, DateTimeOffset StartsAt, string PatientAccountId);

/// <summary>Sends the patient app's appointment reminders through APNs and FCM and records what the app confirms.</summary>
public sealed partial class AppointmentReminderPushService(
    IFirebaseMessaging fcm,
    IApnsClient apns,
    IInstallationStore installations,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentReminderPushService> logger)
{
    private const string Topic = "uk.nhs.example.mycare";

    public async Task SendAsync(ReminderJob job, CancellationToken cancellationToken)
    {
        var devices = await installations.ForAccountAsync(job.PatientAccountId, cancellationToken);
        logger.LogInformation("Reminder for appointment {AppointmentId} at {Clinic}: {DeviceCount} devices", job.AppointmentId, job.ClinicCode, devices.Count); // clean precision-about
        Activity.Current?.AddBaggage("mycare.patient_account", job.PatientAccountId); // leak TC1001 direct
        logger.LogDebug("Reminder job {Job}", job); // leak TC1001 logging-objects

        foreach (var device in devices.Where(d => d.PushToken is not null))
        {
            using var span = source.StartCareappPushSend("appointment-reminder", device.Platform);
            span.SetCareappUserId(pseudonymizer.PseudonymizeCareappUserId(job.HospitalNumber)); // clean precision-pseudonym
            span.SetCareappInstallationId(pseudonymizer.PseudonymizeCareappInstallationId(device.InstallationId)); // clean precision-pseudonym
            Activity.Current?.SetTag("push.token.suffix", device.PushToken![^4..]); // clean precision-about
            var deepLink = $"mycare://appointments/{job.AppointmentId}";
            Activity.Current?.SetTag("push.deep_link", deepLink); // clean strings

            if (device.Platform == "ios")
            {
                var payload = JsonSerializer.Serialize(new { aps = new { alert = new { title = "Appointment tomorrow", body = $"{job.ClinicCode} at {job.StartsAt:HH:mm}" } }, link = deepLink });
                var response = await apns.SendAsync(new ApnsNotification { DeviceToken = device.PushToken!, Topic = Topic, PayloadJson = payload }, cancellationToken);
                span.SetCareappMessageId(response.ApnsId ?? "none"); // clean direct
                span.SetCareappOutcome(response.Reason ?? "sent"); // clean precision-names
                if (response.StatusCode == 410)
                {
                    logger.LogInformation("APNs token {DeviceToken} unregistered since {Since}", device.PushToken, response.Timestamp); // leak TC1001 direct
                    await installations.RemoveTokenAsync(device.PushToken!, cancellationToken);
                }
                meter.CreateCareappPushSentCounter().Add(1, careappNotificationKind: "appointment-reminder", careappPlatform: "ios", careappOutcome: response.Reason ?? "sent"); // clean precision-about
                continue;
            }

            try
            {
                var message = new Message
                {
                    Token = device.PushToken,
                    Notification = new Notification { Title = "Appointment tomorrow", Body = $"{job.ClinicCode} at {job.StartsAt:HH:mm}" },
                    Data = new Dictionary<string, string> { ["link"] = deepLink, ["appointment"] = job.AppointmentId.ToString() },
                };
                logger.LogDebug("FCM message {Message}", message); // clean logging-objects
                var name = await fcm.SendAsync(message, cancellationToken);
                span.SetCareappMessageId(name); // clean direct
                meter.CreateCareappPushSentCounter().Add(1, careappNotificationKind: "appointment-reminder", careappPlatform: "android", careappOutcome: "sent"); // clean direct
            }
            catch (FirebaseMessagingException ex) when (ex.MessagingErrorCode == MessagingErrorCode.Unregistered)
            {
                span.RecordException(ex, "unregistered"); // clean exceptions
                LogUnregistered(logger, device.InstallationId, job.HospitalNumber); // clean logging-objects
                await installations.RemoveTokenAsync(device.PushToken!, cancellationToken);
            }
            catch (FirebaseMessagingException ex)
            {
                span.SetCareappNote($"FCM {ex.MessagingErrorCode} for {device.InstallationId}"); // leak TC1001 generated-api
                meter.CreateCareappPushSentCounter().Add(1, careappNotificationKind: "appointment-reminder", careappPlatform: "android", careappOutcome: ex.MessagingErrorCode?.ToString() ?? "error"); // clean precision-about
            }
        }
    }

    public void OnReceipt(DeliveryReceipt receipt, string hospitalNumber)
    {
        Activity.Current?.SetTag("push.message_id", receipt.MessageId); // clean precision-names
        Activity.Current?.SetTag("push.opened", receipt.Opened); // clean precision-about
        logger.LogInformation("Delivery receipt {Receipt}", receipt); // leak TC1001 logging-objects
        LogOpenedUnclassified(logger, receipt.MessageId, hospitalNumber); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("push.receipt", tags: new ActivityTagsCollection { ["installation"] = receipt.InstallationId })); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installation {InstallationId} unregistered; patient {HospitalNumber}")]
    private static partial void LogUnregistered(ILogger logger, [PrivateData] string installationId, [PrivateData] string hospitalNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {MessageId} opened by patient {HospitalNumber}")]
    private static partial void LogOpenedUnclassified(ILogger logger, string messageId, string hospitalNumber);
}
