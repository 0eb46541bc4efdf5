namespace PrivacyHoldout184.Education;

/// <summary>A request from the student app's device finder: the student, the laptop's serial and MAC, the building last seen in.</summary>
public sealed record ReportLostLaptopRequest(string StudentNumber, string StudentEmail, string LaptopSerial, string MacAddress, string LastSeenBuilding);

/// <summary>The reply: the report id and whether the laptop was seen on the campus Wi-Fi since.</summary>
public sealed record ReportLostLaptopReply(string ReportId, bool SeenSince, string? Building);

/// <summary>The university's device finder over gRPC: a lost laptop is reported, blocked from eduroam and looked for on the Wi-Fi.</summary>
public sealed partial class CampusDeviceFinderGrpcService(IBlockingList blockingList, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CampusDeviceFinderGrpcService> logger, PropertyOptions options)
{
    private static readonly ActivitySource Source = new("University.DeviceFinder");
    private static readonly Meter Meter = new("University.DeviceFinder");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("campusfinder.reports");
    private readonly CampusfinderOperationsCounter _operations = Meter.CreateCampusfinderOperationsCounter();

    public async Task<ReportLostLaptopReply> ReportLostLaptop(ReportLostLaptopRequest request, ServerCallContext context)
    {
        using var span = Source.StartCampusfinderOperation(options.Desk);
        var report = new LostLaptopReport(Guid.NewGuid().ToString("N"), request.StudentNumber, request.StudentEmail, request.LaptopSerial, request.MacAddress, request.LastSeenBuilding);
        span.SetCampusfinderOwnerId(pseudonymizer.PseudonymizeCampusfinderOwnerId(request.StudentNumber)); // clean precision-pseudonym
        span.SetCampusfinderItemCategory("laptop"); // clean precision-names
        span.SetCampusfinderNote($"last seen in {request.LastSeenBuilding}"); // clean generated-api
        span.SetCampusfinderNote($"serial {request.LaptopSerial}"); // leak TC1001 generated-api
        span.Activity?.SetTag("rpc.method", context.Method); // clean direct
        span.Activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("campusfinder.report.id", report.ReportId); // clean direct
        span.Activity?.SetTag("campusfinder.laptop.serial", report.LaptopSerial); // leak TC1001 direct
        span.Activity?.SetTag("campusfinder.laptop.mac", request.MacAddress); // leak TC1001 direct
        span.Activity?.SetTag("campusfinder.laptop.mac_vendor", request.MacAddress[..8]); // clean precision-about
        span.Activity?.SetTag("campusfinder.student.email_domain", request.StudentEmail.Split('@')[1]); // clean precision-about
        span.Activity?.SetTag("campusfinder.student.email", request.StudentEmail); // leak TC1001 direct
        span.Activity?.SetTag(CampusfinderAttributes.Contact, "[not given]"); // clean generated-api
        span.Activity?.SetTag(CampusfinderAttributes.Contact, request.StudentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("campusfinder.building", request.LastSeenBuilding); // clean direct
        span.Activity?.SetTag("campusfinder.serial_length", request.LaptopSerial.Length); // clean precision-about
        Activity.Current?.SetBaggage("student.number", request.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("campusfinder.report", report.ReportId); // clean direct

        LaptopReported(logger, report.ReportId, request.StudentNumber, request.LaptopSerial); // clean logging-objects
        LaptopReportedPlain(logger, report.ReportId, request.StudentNumber); // leak TC1001 logging-objects
        logger.LogInformation("Lost laptop {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Lost laptop {Report}", report with { StudentNumber = "", StudentEmail = "", LaptopSerial = "", MacAddress = "" }); // clean logging-objects
        logger.LogInformation("Lost laptop {Report}", report with { StudentEmail = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Lost laptop in {Building} reported at {Desk}", request.LastSeenBuilding, options.Desk); // clean direct

        var laptopHash = SHA1.HashData(Encoding.UTF8.GetBytes(request.LaptopSerial));
        span.Activity?.SetTag("campusfinder.laptop.key", new Guid(laptopHash.AsSpan(0, 16))); // leak TC1002 hashes
        span.Activity?.SetTag("campusfinder.student.hash", request.StudentNumber.GetHashCode()); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.LaptopSerial))[0] % 4;
        Reports.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        Reports.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCampusfinderOwnerId(request.StudentNumber))); // leak TC1003 precision-pseudonym
        Reports.Add(1, new KeyValuePair<string, object?>("building", request.LastSeenBuilding)); // clean direct

        try
        {
            var result = await blockingList.CheckAsync(new ImeiCheck(report.ReportId, request.LaptopSerial, "eduroam"), context.CancellationToken);
            span.SetCampusfinderOutcome(result.Outcome); // clean direct
            logger.LogInformation("Blocking list answered {@Result}", result); // clean logging-objects
            _operations.Add(1, options.Desk, result.Outcome); // clean generated-api
        }
        catch (SerialOnBlockingListException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            var rpc = new RpcException("AlreadyExists", $"Laptop {request.LaptopSerial} is already reported");
            span.Activity?.AddException(rpc); // leak TC1001 exceptions
            span.Activity?.SetTag("rpc.status", rpc.Status); // clean exceptions
            throw rpc;
        }
        catch (BlockingListUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Blocking list down for report {ReportId}", report.ReportId); // clean exceptions
        }

        return new ReportLostLaptopReply(report.ReportId, false, null);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Report {ReportId} by {StudentNumber} for {LaptopSerial}")]
    private static partial void LaptopReported(ILogger logger, string reportId, [PrivateData] string studentNumber, [PrivateData] string laptopSerial);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Report {ReportId} by {StudentNumber}")]
    private static partial void LaptopReportedPlain(ILogger logger, string reportId, string studentNumber);
}
