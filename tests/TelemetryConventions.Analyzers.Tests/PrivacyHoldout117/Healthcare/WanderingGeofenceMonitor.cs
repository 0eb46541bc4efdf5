namespace PrivacyHoldout117.Healthcare;

/// <summary>
/// Safe-walking geofences for patients with dementia on the virtual ward: the patient's own phone
/// reports positions; a fence around their home raises an exit alert to the carer on call.
/// </summary>
public sealed class WanderingGeofenceMonitor(
    IGeofenceEngine fences,
    ILogger<WanderingGeofenceMonitor> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _exits = meter.CreateCounter<long>("rpm.geofence.exits");

    public void OnPosition(string hospitalNumber, string carerPhone, GeoPoint position, DateTimeOffset at)
    {
        using var span = source.StartRpmfleetIngest("rpm/safe-walking/+/position");
        foreach (var transition in fences.Evaluate(hospitalNumber, position, at))
        {
            span.SetRpmfleetGeofenceId(transition.FenceId); // clean precision-names
            span.Activity?.SetTag("rpm.transition", transition.Kind.ToString()); // clean precision-about
            _exits.Add(1, new KeyValuePair<string, object?>("kind", transition.Kind.ToString())); // clean precision-about

            if (transition.Kind != TransitionKind.Exit)
            {
                continue;
            }

            logger.LogWarning("Patient left safe zone: {@Transition}", transition); // leak TC1001 logging-objects
            logger.LogWarning("Exit at {Lat:F5},{Lon:F5}", position.Latitude, position.Longitude); // leak TC1001 direct
            span.Activity?.SetTag("rpm.exit.area", Geohash.Encode(position, 4)); // clean precision-about
            span.Activity?.SetTag("rpm.exit.cell", Geohash.Encode(position, 8)); // leak TC1001 direct
            span.SetRpmfleetNote($"exit alert sent to carer {carerPhone}"); // leak TC1001 generated-api
            span.Activity?.SetTag(RpmfleetAttributes.PatientContact, carerPhone); // leak TC1001 generated-api
            span.Activity?.SetTag("rpm.carer.phone.present", !string.IsNullOrEmpty(carerPhone)); // clean precision-about
            span.SetRpmfleetPatientId(pseudonymizer.PseudonymizeRpmfleetPatientId(hospitalNumber)); // clean precision-pseudonym
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..16];
            span.Activity?.SetTag("rpm.patient.digest", digest); // leak TC1002 hashes
        }
    }

    public void OnFenceMisconfigured(Geofence fence, ArgumentOutOfRangeException error)
    {
        logger.LogError(error, "Fence {@Fence} could not be evaluated", fence); // leak TC1001 logging-objects
        Activity.Current?.SetTag("rpm.fence.radius_m", fence.RadiusMetres); // clean precision-about
        Activity.Current?.AddException(error); // clean exceptions
    }
}
