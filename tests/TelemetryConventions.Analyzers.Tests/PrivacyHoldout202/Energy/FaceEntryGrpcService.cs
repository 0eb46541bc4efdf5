namespace PrivacyHoldout202.Energy;

public sealed record FaceEntryRequest(string DoorId, string EmployeeNumber, byte[] Image);

public sealed record FaceEntryReply(bool Granted, string ReasonCode);

/// <summary>The staff gym at a generating station: face entry at the gym door, over gRPC from the door panel.</summary>
public sealed class FaceEntryGrpcService(
    IFaceVerifier verifier,
    IMemberDirectory directory,
    IDoorController doors,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    LeisureOptions options,
    ILogger<FaceEntryGrpcService> logger)
{
    private static readonly Histogram<double> Scores = new Meter("plantgym.face").CreateHistogram<double>("plantgym.face.score");
    private readonly Dictionary<string, int> _retriesByEmployee = new();
    private static string? s_lastRejectedEmployee;

    public async Task<FaceEntryReply> Enter(FaceEntryRequest request, ServerCallContext context)
    {
        using var span = source.StartPlantgymOperation(options.SiteCode);
        span.SetPlantgymActivity("gym"); // clean precision-about
        span.SetPlantgymMemberId(pseudonymizer.PseudonymizePlantgymMemberId(request.EmployeeNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("door.id", request.DoorId); // clean precision-names
        Activity.Current?.SetTag("face.image_bytes", request.Image.Length); // clean precision-about
        Activity.Current?.SetTag("employee.number", request.EmployeeNumber); // leak TC1001 direct

        var member = await directory.FindAsync(request.EmployeeNumber, context.CancellationToken);
        if (member is null)
        {
            var ex = new MemberNotFoundException(request.EmployeeNumber);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            throw new RpcException("NotFound", $"employee {request.EmployeeNumber} not enrolled");
        }

        var enrolment = await verifier.EnrolAsync(member.MembershipNumber, request.Image, context.CancellationToken);
        var capture = new FaceCapture(Guid.NewGuid().ToString("N"), request.DoorId, request.Image);
        var match = await verifier.MatchAsync(capture, enrolment, context.CancellationToken);
        logger.LogInformation("Face match {@Match}", match); // clean logging-objects
        logger.LogInformation("Face enrolment {Enrolment}", enrolment); // clean logging-objects
        logger.LogInformation("Face enrolment {@Enrolment}", enrolment); // leak TC1001 logging-objects
        logger.LogDebug("Template {Template}", string.Join(",", enrolment.Embedding)); // leak TC1001 strings
        logger.LogDebug("Template of {Dimensions} floats from {Model}", enrolment.Embedding.Length, enrolment.Model); // clean precision-about
        Scores.Record(match.Score, new KeyValuePair<string, object?>("model", match.Model), new KeyValuePair<string, object?>("live", match.Live)); // clean precision-about
        Scores.Record(match.Score, new KeyValuePair<string, object?>("employee", request.EmployeeNumber)); // leak TC1003 direct
        var granted = match.Live && match.Score >= options.FaceMatchThreshold;
        span.SetPlantgymOutcome(granted ? "granted" : "denied"); // clean generated-api
        meter.CreatePlantgymOperationsCounter().Add(1, options.SiteCode, granted ? "granted" : "denied"); // clean generated-api
        if (!granted)
        {
            s_lastRejectedEmployee = member.FullName;
            _retriesByEmployee[request.EmployeeNumber] = _retriesByEmployee.GetValueOrDefault(request.EmployeeNumber) + 1;
            logger.LogPlantgymOperationFailedEvent(options.SiteCode, "face-denied", pseudonymizer.PseudonymizePlantgymMemberId(request.EmployeeNumber), $"score {match.Score:0.00} live {match.Live}"); // clean generated-api
            logger.LogPlantgymOperationFailedEvent(options.SiteCode, $"face-denied:{member.FullName}", pseudonymizer.PseudonymizePlantgymMemberId(request.EmployeeNumber), "retry"); // leak TC1001 generated-api
            return new FaceEntryReply(false, "FACE_LOW");
        }

        var decision = await doors.OpenAsync(request.DoorId, member.MembershipNumber, context.CancellationToken);
        logger.LogInformation("Door {DoorId} opened: {Granted}", decision.DoorId, decision.Granted); // clean precision-names
        return new FaceEntryReply(decision.Granted, decision.ReasonCode);
    }

    public void Summarise()
    {
        logger.LogInformation("Last face rejection: {Name}", s_lastRejectedEmployee); // leak TC1001 cross-member
        logger.LogInformation("Face retries: {Retries}", _retriesByEmployee); // leak TC1001 cross-member
        logger.LogInformation("Face retries total: {Retries}", _retriesByEmployee.Values.Sum()); // clean cross-member
        var hashed = _retriesByEmployee.Keys.Select(k => k.GetHashCode()).ToArray();
        logger.LogInformation("Retried employees: {Hashes}", hashed); // leak TC1002 hashes
        logger.LogInformation("Retried employees: {Employees}", _retriesByEmployee.Keys.Select(k => pseudonymizer.ComputePlantgymMemberId(k)).ToArray()); // clean precision-pseudonym
    }
}
