namespace PrivacyHoldout78.Healthcare;

/// <summary>An outpatient reminder to send: the patient's details come from the PAS extract.</summary>
public sealed record ReminderRequest(string HospitalNumber, string GivenName, string Mobile, string PreferredCulture, string TimeZoneId, string ClinicCode, DateTimeOffset AppointmentAt);

/// <summary>
/// Renders the outpatient SMS reminder in the patient's preferred language and sends it. The
/// resources use the English text as the key (the team's convention since the Welsh rollout), so a
/// missing translation falls back to the English text with the arguments filled in.
/// </summary>
public sealed class AppointmentReminderComposer(
    IStringLocalizer<AppointmentReminderComposer> localizer,
    INotificationSender sender,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<AppointmentReminderComposer> logger)
{
    private const string TemplateId = "reminder.sms.v3";
    private const string BodyKey = "Hello {0}, your appointment at {2} is on {1}. Reply C to cancel.";
    private static readonly string[] Supported = ["en-GB", "cy-GB", "pl", "ur", "ar"];
    private readonly Counter<long> _segments = meter.CreateCounter<long>("carecopy.sms.segments", "{segment}");

    public async Task<string?> ComposeAndSendAsync(ReminderRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartCarecopyRender(TemplateId);
        var resolution = CultureFallback.Resolve(request.PreferredCulture, Supported);
        var culture = CultureInfo.GetCultureInfo(resolution.Resolved);
        var zone = TimeZones.FindOrUtc(request.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(request.AppointmentAt, zone);

        span.SetCarecopyPatientId(pseudonymizer.PseudonymizeCarecopyPatientId(request.HospitalNumber)); // clean precision-pseudonym
        span.SetCarecopyCulture(resolution.Resolved); // clean precision-about
        span.SetCarecopyTimeZone(zone.Id); // clean precision-about
        span.SetCarecopyChannel("sms");

        CultureInfo.CurrentUICulture = culture;
        var body = localizer[BodyKey, request.GivenName, local.ToString("f", culture), request.ClinicCode];
        if (body.ResourceNotFound)
        {
            logger.LogWarning("Reminder text not found in {Culture}: key {Key}, searched {Location}", culture.Name, body.Name, body.SearchedLocation); // clean precision-about
            logger.LogCarecopyTranslationMissingEvent(body.Name, culture.Name, carecopyNote: body.Value); // leak TC1001 generated-api
        }

        span.SetCarecopyMessageSubject(localizer["Appointment reminder"].Value); // clean generated-api
        logger.LogDebug("Rendered reminder for clinic {Clinic}: {Text}", request.ClinicCode, body.Value); // leak TC1001 strings

        var sms = new RenderedNotification(TemplateId, culture.Name, request.Mobile, string.Empty, body.Value);
        var segments = (body.Value.Length + 66) / 67;
        _segments.Add(segments, new KeyValuePair<string, object?>("culture", culture.Name), new KeyValuePair<string, object?>("rtl", resolution.IsRightToLeft)); // clean precision-about
        try
        {
            var messageId = await sender.SendAsync(sms, cancellationToken);
            span.SetCarecopyOutcome("sent");
            logger.LogInformation("Reminder {MessageId} sent in {Culture} ({Segments} segments)", messageId, culture.Name, segments); // clean precision-about
            return messageId;
        }
        catch (DeliveryRejectedException ex)
        {
            span.RecordException(ex, "sms provider rejected the reminder"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            logger.LogError(ex, "Reminder for clinic {Clinic} rejected", request.ClinicCode); // leak TC1001 exceptions
            logger.LogInformation("Reminder held for retry {@Notification}", sms); // leak TC1001 logging-objects
            return null;
        }
        finally
        {
            meter.CreateCarecopyMessagesRenderedCounter().Add(1, TemplateId, carecopyCulture: culture.Name, carecopyOutcome: body.ResourceNotFound ? "fallback" : "rendered"); // clean precision-about
        }
    }
}
