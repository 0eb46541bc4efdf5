namespace PrivacyHoldout156.Healthcare;

/// <summary>
/// Minimal API for the chemotherapy day unit's scalp-cooling chairs and the referrals for areola and scar
/// micropigmentation at partner tattoo studios.
/// </summary>
public static class ScalpCoolingEndpoints
{
    private static readonly ActivitySource Source = new("Trust.ScalpCooling");
    private static readonly Meter Meter = new("Trust.ScalpCooling");
    private static readonly Histogram<double> CapTemperature = Meter.CreateHistogram<double>("scalp_cooling.cap.temperature", "Cel");
    private static readonly Counter<long> StudioReferrals = Meter.CreateCounter<long>("micropigmentation.referrals");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/scalp-cooling/sessions", (ScalpCoolingSession session, ILogger<ScalpCoolingSession> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("scalp_cooling.session");
            activity?.SetTag("scalp_cooling.session.id", session.SessionId); // clean direct
            activity?.SetTag("scalp_cooling.chair", session.Chair); // clean direct
            activity?.SetTag("scalp_cooling.minutes", session.Minutes); // clean direct
            CapTemperature.Record(session.CapTemperature, new KeyValuePair<string, object?>("chair", session.Chair)); // clean direct
            logger.LogInformation("Scalp cooling {Session}", session); // leak TC1001 logging-objects
            logger.LogInformation("Scalp cooling on chair {Chair} for {Minutes} min", session.Chair, session.Minutes); // clean logging-objects
            activity?.SetBaggage("patient.hospital_number", session.HospitalNumber); // leak TC1001 direct
            activity?.SetBaggage("patient.pseudonym", pseudonymizer.ComputeWigclinicPatientId(session.HospitalNumber)); // clean precision-pseudonym

            using var span = Source.StartWigclinicOperation("oncology-day-unit").SetWigclinicService("scalp-cooling"); // clean generated-api
            span.SetWigclinicItemCount(1); // clean generated-api
            span.SetWigclinicOutcome(session.CapTemperature < 5 ? "on-target" : "warm"); // clean generated-api
            Meter.CreateWigclinicSessionsCounter().Add(1, "oncology-day-unit", $"cooled:{session.HospitalNumber}"); // leak TC1003 generated-api
            Meter.CreateWigclinicFittingDurationHistogram().Record(session.Minutes * 60, "oncology-day-unit"); // clean generated-api
            return Results(session.SessionId);
        });

        routes.MapPost("/micropigmentation/referrals", (MicropigmentationReferral referral, ILogger<MicropigmentationReferral> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("micropigmentation.referral");
            activity?.SetTag("micropigmentation.procedure", referral.Procedure); // clean direct
            activity?.SetTag("micropigmentation.studio", referral.Studio); // clean direct
            StudioReferrals.Add(1, new KeyValuePair<string, object?>("studio", referral.Studio), new KeyValuePair<string, object?>("procedure", referral.Procedure)); // clean direct
            StudioReferrals.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.PseudonymizeWigclinicPatientId(referral.HospitalNumber).Value)); // leak TC1003 precision-pseudonym
            var label = DescribeReferral(referral);
            activity?.SetTag("micropigmentation.label", label); // leak TC1001 strings
            activity?.SetTag("micropigmentation.summary", Summarise(referral)); // clean strings
            var (referralId, hospitalNumber, _, procedure, _) = referral;
            logger.LogInformation("Referral {ReferralId} for {Procedure}", referralId, procedure); // clean logging-objects
            logger.LogInformation("Referral for patient {HospitalNumber}", hospitalNumber); // leak TC1001 logging-objects
            activity?.SetTag(WigclinicAttributes.Contact, pseudonymizer.Pseudonymize("patient", referral.HospitalNumber).Value); // leak TC1001 precision-pseudonym
            logger.LogWigclinicOperationFailedEvent(referral.Studio, "not-booked", wigclinicPatientId: pseudonymizer.PseudonymizeWigclinicPatientId(referral.HospitalNumber), wigclinicNote: $"Studio has no slot for {referral.Procedure}"); // clean generated-api
            logger.LogWigclinicOperationFailedEvent(referral.Studio, "declined", wigclinicNote: $"{referral.PatientName} declined the studio"); // leak TC1001 generated-api
            return Results(referral.ReferralId);
        });
    }

    private static string DescribeReferral(MicropigmentationReferral referral) =>
        $"{referral.Procedure} for {referral.PatientName} ({referral.HospitalNumber})";

    private static string Summarise(MicropigmentationReferral referral) =>
        string.Create(CultureInfo.InvariantCulture, $"{referral.Procedure}@{referral.Studio}");

    private static object Results(string id) => new { id };
}
