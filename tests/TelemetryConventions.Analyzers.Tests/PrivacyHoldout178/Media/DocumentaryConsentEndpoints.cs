namespace PrivacyHoldout178.Media;

/// <summary>The production office's consent log for an ambulance documentary: patients filmed in the back of an ambulance sign later.</summary>
public static class DocumentaryConsentEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Consents");
    private static readonly Meter Meter = new("Broadcaster.Consents");
    private static readonly Histogram<double> DaysToSign = Meter.CreateHistogram<double>("consent.days_to_sign", "d");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/consents", (FilmingConsent consent, TelemetrySecrets secrets, ILogger<FilmingConsent> logger) =>
        {
            using var span = Source.StartFactualtvOperation("production-office");
            span.Activity?.SetTag("consent.id", consent.ConsentId); // clean precision-names
            span.Activity?.SetTag("consent.episode", consent.Episode); // clean precision-names
            span.Activity?.SetTag("consent.blur_face", consent.BlurFace); // clean precision-about
            span.Activity?.SetTag("consent.patient", consent.PatientName); // leak TC1001 direct
            span.Activity?.SetTag("consent.patient.phone", consent.PatientPhone); // leak TC1001 direct
            span.Activity?.SetTag(FactualtvAttributes.Contact, consent.PatientPhone); // leak TC1001 generated-api
            var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(consent.PatientPhone)));
            logger.LogInformation("Consent {ConsentId} patient key {Key}", consent.ConsentId, key); // leak TC1002 hashes
            var tray = new HMACSHA256(secrets.PseudonymKey).ComputeHash(Encoding.UTF8.GetBytes(consent.PatientName))[0] % 10;
            logger.LogInformation("Consent {ConsentId} filed in tray {Tray}", consent.ConsentId, tray); // clean hashes
            DaysToSign.Record(3, new KeyValuePair<string, object?>("episode", consent.Episode)); // clean precision-about
            logger.LogInformation("Consent signed: {Consent}", consent with { PatientPhone = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Consent signed: {Consent}", consent with { PatientName = "", PatientPhone = "" }); // clean logging-objects
            var line = string.Format(CultureInfo.InvariantCulture, "{0} agreed to appear in {1}", consent.PatientName, consent.Episode);
            span.Activity?.AddEvent(new ActivityEvent(line)); // leak TC1001 strings
            span.Activity?.SetStatus(ActivityStatusCode.Ok, $"Consent {consent.ConsentId} filed for {consent.Episode}"); // clean strings
            return "filed";
        });

        routes.MapPost("/alerts", (string alertId, string area, int households, ILogger<FilmingConsent> logger) =>
        {
            using var span = Source.StartFactualtvOperation("emergency-alerts").SetFactualtvItemCount(households); // clean precision-about
            span.Activity?.SetTag("alert.id", alertId); // clean precision-names
            span.Activity?.SetTag("alert.area", area); // clean precision-names
            logger.LogInformation("Emergency alert {AlertId} broadcast to {Area}", alertId, area); // clean precision-names
            Meter.CreateFactualtvOperationDurationHistogram().Record(0.4, "emergency-alerts"); // clean generated-api
            Meter.CreateFactualtvOperationsCounter().Add(1, "emergency-alerts", "broadcast"); // clean generated-api
            return "sent";
        });
    }
}
