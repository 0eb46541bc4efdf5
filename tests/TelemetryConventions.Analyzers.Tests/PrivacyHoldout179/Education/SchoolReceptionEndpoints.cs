namespace PrivacyHoldout179.Education;

/// <summary>The school office's sign-in screen and early collections, as a minimal API.</summary>
public static partial class SchoolReceptionEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Schools.Reception");
    private static readonly Meter Meter = new("Trust.Schools.Reception");
    private static readonly Counter<long> Collections = Meter.CreateCounter<long>("school.collections");
    private static readonly SchoolgateOperationsCounter Operations = Meter.CreateSchoolgateOperationsCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/reception/collections", (PupilCollection collection, ILogger<PupilCollection> logger, Pseudonymizer pseudonymizer) =>
        {
            using var span = Source.StartSchoolgateOperation("office");
            span.SetSchoolgateVisitType("early_collection"); // clean precision-names
            span.SetSchoolgateVisitorId(pseudonymizer.PseudonymizeSchoolgateVisitorId(collection.CollectorName)); // clean precision-pseudonym
            span.Activity?.SetTag("school.pupil.upn", collection.Upn); // leak TC1001 direct
            span.Activity?.SetTag("school.pupil.year_group", collection.YearGroup); // clean precision-about
            span.Activity?.SetTag("school.collector.name", collection.CollectorName); // leak TC1001 direct
            span.Activity?.SetTag("school.collector.password_given", collection.FamilyPassword.Length > 0); // clean precision-about
            span.SetSchoolgateNote($"Collected by {collection.CollectorName} with password {collection.FamilyPassword}"); // leak TC1001 generated-api
            span.SetSchoolgateNote($"Collected early from {collection.YearGroup}"); // clean generated-api

            logger.LogInformation("Pupil {Pupil} collected by {Collector}", collection.PupilName, collection.CollectorName); // leak TC1001 direct
            logger.LogInformation("Collection {Collection}", collection); // leak TC1001 logging-objects
            LogCollected(logger, collection.PupilName, collection.YearGroup); // clean precision-names
            LogCollectedPlain(logger, collection.Upn, collection.YearGroup); // leak TC1001 direct

            Collections.Add(1, new KeyValuePair<string, object?>("year_group", collection.YearGroup)); // clean precision-about
            Collections.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizeSchoolgateVisitorId(collection.Upn).Value)); // leak TC1003 precision-pseudonym
            Operations.Add(1, "office", collection.Upn); // leak TC1003 generated-api
            Operations.Add(1, "office", "collected"); // clean generated-api
            return Task.FromResult<object>("ok");
        });

        routes.MapPost("/reception/dbs", (DbsCheck check, ILogger<DbsCheck> logger) =>
        {
            using var activity = Source.StartActivity("school.dbs.check");
            activity?.SetTag("school.dbs.clear", check.Clear); // clean precision-about
            activity?.SetTag("school.dbs.certificate", check.CertificateNumber); // leak TC1001 direct
            activity?.SetTag("school.dbs.certificate_length", check.CertificateNumber.Length); // clean precision-about
            activity?.SetTag("school.dbs.visitor", check.VisitorId); // leak TC1001 direct
            var certificateKey = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(check.CertificateNumber)));
            activity?.SetTag("school.dbs.certificate_key", certificateKey); // leak TC1002 hashes
            logger.LogInformation("DBS check {Check}", new { check.Clear, Length = check.CertificateNumber.Length }); // clean logging-objects
            logger.LogInformation("DBS check {@Check}", check); // leak TC1001 logging-objects
            return Task.FromResult<object>(check.Clear);
        });
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "{Pupil} collected early from {YearGroup}")]
    private static partial void LogCollected(ILogger logger, [PrivateData] string pupil, string yearGroup);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Pupil {Upn} collected early from {YearGroup}")]
    private static partial void LogCollectedPlain(ILogger logger, string upn, string yearGroup);
}
