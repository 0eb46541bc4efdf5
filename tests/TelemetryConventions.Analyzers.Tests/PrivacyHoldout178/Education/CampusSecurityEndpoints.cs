namespace PrivacyHoldout178.Education;

/// <summary>The campus security desk's minimal API: emergencies on campus and the 999 calls made for them.</summary>
public static class CampusSecurityEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Security");
    private static readonly Meter Meter = new("Campus.Security");
    private static readonly Counter<long> Emergencies = Meter.CreateCounter<long>("campus.emergencies");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/emergencies", (CampusEmergency emergency, Pseudonymizer pseudonymizer, ILogger<CampusEmergency> logger) =>
        {
            using var span = Source.StartCampussafeOperation(emergency.Building);
            span.SetCampussafeCallerId(pseudonymizer.PseudonymizeCampussafeCallerId(emergency.StudentNumber)); // clean precision-pseudonym
            span.SetCampussafeResponderId(pseudonymizer.PseudonymizeCampussafeResponderId(emergency.OfficerStaffNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("campus.room", emergency.Room); // clean precision-names
            span.Activity?.SetTag("campus.incident", emergency.IncidentNumber); // clean precision-names
            span.Activity?.SetTag("student.number", emergency.StudentNumber); // leak TC1001 direct
            span.Activity?.SetTag("officer.staff_number", emergency.OfficerStaffNumber); // leak TC1001 direct
            logger.LogInformation("Emergency in {Building} {Room} for {Student}", emergency.Building, emergency.Room, emergency.StudentName); // leak TC1001 direct
            logger.LogInformation("Emergency {Emergency}", emergency); // leak TC1001 logging-objects
            Emergencies.Add(1, new KeyValuePair<string, object?>("building", emergency.Building)); // clean precision-about
            Emergencies.Add(1, new KeyValuePair<string, object?>("student", emergency.StudentNumber)); // leak TC1003 direct
            Meter.CreateCampussafeOperationsCounter().Add(1, emergency.Building, "ambulance-called"); // clean generated-api
            span.SetCampussafeNote($"Ambulance called for {emergency.StudentName} in {emergency.Room}"); // leak TC1001 generated-api
            span.SetCampussafeNote($"Ambulance called to {emergency.Building} {emergency.Room}"); // clean generated-api
            return "ok";
        });

        routes.MapPost("/welfare-checks", (WelfareCheckRequest request, TelemetrySecrets secrets, ILogger<WelfareCheckRequest> logger) =>
        {
            using var activity = Source.StartActivity("WelfareCheck");
            activity?.SetTag("welfare.request", request.RequestId); // clean precision-names
            activity?.SetTag("welfare.concern.length", request.Concern.Length); // clean precision-about
            activity?.SetTag("welfare.reporter.phone", request.ReporterPhone); // leak TC1001 direct
            activity?.SetTag("welfare.address", request.HomeAddress); // leak TC1001 direct
            logger.LogInformation("Welfare check for {Person}: {Concern}", request.PersonName, request.Concern); // leak TC1001 direct
            var bucket = new HMACSHA256(secrets.ShardKey).ComputeHash(Encoding.UTF8.GetBytes(request.PersonName))[0] % 8;
            activity?.SetTag("welfare.bucket", bucket); // clean hashes
            var legacyKey = request.PersonName.GetHashCode();
            activity?.SetTag("welfare.legacy_key", legacyKey); // leak TC1002 hashes
            Meter.CreateCampussafeOperationDurationHistogram().Record(1.2, "halls"); // clean generated-api
            return "queued";
        });
    }
}
