namespace PrivacyHoldout181.Education;

/// <summary>The gRPC service the halls reception uses when students hand back keys and fobs and leave a forwarding address.</summary>
public sealed partial class HallKeyHandoverService(ILogger<HallKeyHandoverService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("University.Halls.Keys");
    private static readonly Meter Meter = new("University.Halls.Keys");
    private static readonly Counter<long> Returns = Meter.CreateCounter<long>("halls.key_returns");
    private static readonly Histogram<double> Minutes = Meter.CreateHistogram<double>("halls.key_return.minutes");

    private readonly List<string> _forwardingAddresses = new();

    public Task<NoticeReceipt> ReturnKeys(RoomKeyReturn request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("ReturnKeys", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("halls.room", request.RoomRef); // clean precision-names
        activity?.SetTag("halls.fob_returned", request.FobReturned); // clean precision-about
        activity?.SetTag("halls.student.name", request.StudentName); // leak TC1001 direct
        activity?.SetTag("halls.forwarding.present", request.ForwardingAddress.Length > 0); // clean precision-about
        activity?.SetTag("halls.student", pseudonymizer.PseudonymizeHallsmoveMoverId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("halls.student.ref", Pseudonym.FromComputed(request.StudentNumber)); // leak TC1001 precision-pseudonym

        _forwardingAddresses.Add(request.ForwardingAddress);
        logger.LogInformation("Forwarding addresses today: {Addresses}", string.Join("; ", _forwardingAddresses)); // leak TC1001 cross-member
        logger.LogInformation("Forwarding addresses today: {Count}", _forwardingAddresses.Count); // clean precision-about
        LogReturned(logger, request.RoomRef, request.StudentNumber); // leak TC1001 direct
        LogReturnedRedacted(logger, request.RoomRef, request.StudentNumber); // clean logging-objects

        using (logger.BeginScope(new Dictionary<string, object?> { ["Room"] = request.RoomRef, ["Fob"] = request.FobReturned })) // clean logging-objects
        {
            logger.LogInformation("Keys back for {Return}", request); // leak TC1001 logging-objects
        }

        Returns.Add(1, new KeyValuePair<string, object?>("room", request.RoomRef)); // clean precision-names
        Returns.Add(1, new KeyValuePair<string, object?>("fob_returned", request.FobReturned)); // clean precision-about
        Minutes.Record(3, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeHallsmoveMoverId(request.StudentNumber))); // leak TC1003 precision-pseudonym

        if (!request.FobReturned)
        {
            var rpc = new RpcException("FailedPrecondition", $"Fob not returned by student {request.StudentNumber}");
            activity?.SetStatus(ActivityStatusCode.Error, rpc.Message); // leak TC1001 exceptions
            activity?.SetTag("rpc.grpc.status_code", rpc.Status); // clean exceptions
            throw rpc;
        }

        Activity.Current?.AddBaggage("halls.forwarding_address", request.ForwardingAddress); // leak TC1001 direct
        var hash = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(request.StudentNumber)));
        activity?.SetTag("halls.student.hash", hash); // leak TC1002 hashes
        return Task.FromResult(new NoticeReceipt(request.RoomRef, "halls", "received"));
    }

    [LoggerMessage(EventId = 5211, Level = LogLevel.Information, Message = "Room {RoomRef} keys returned by {StudentNumber}")]
    private static partial void LogReturned(ILogger logger, string roomRef, string studentNumber);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Information, Message = "Room {RoomRef} keys returned by student {StudentNumber}")]
    private static partial void LogReturnedRedacted(ILogger logger, string roomRef, [PrivateData] string studentNumber);
}
