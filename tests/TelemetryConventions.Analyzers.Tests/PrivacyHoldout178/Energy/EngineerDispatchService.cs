namespace PrivacyHoldout178.Energy;

public sealed record EngineerJobRequest(string ReportId, string EngineerStaffNumber, string EngineerName, string Address);

public sealed record EngineerJobReply(string JobId, int EtaMinutes);

/// <summary>gRPC service that assigns first call operatives to gas escapes.</summary>
public sealed class EngineerDispatchService(Pseudonymizer pseudonymizer, ILogger<EngineerDispatchService> logger)
{
    private static readonly ActivitySource Source = new("GasNetwork.Fco");

    public Task<EngineerJobReply> Assign(EngineerJobRequest request, ServerCallContext context)
    {
        using var span = Source.StartGaslineOperation("fco-dispatch");
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        span.SetGaslineResponderId(pseudonymizer.PseudonymizeGaslineResponderId(request.EngineerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("engineer.name", request.EngineerName); // leak TC1001 direct
        span.Activity?.SetTag("engineer.name.parts", request.EngineerName.Split(' ').Length); // clean precision-about
        if (request.EngineerName.Length == 0)
        {
            var rpc = new RpcException("InvalidArgument", $"No engineer for {request.Address}");
            logger.LogError(rpc, "Assignment rejected"); // leak TC1001 exceptions
            throw rpc;
        }

        logger.LogInformation("Engineer {Engineer} sent to {Report}", pseudonymizer.PseudonymizeGaslineResponderId(request.EngineerStaffNumber), request.ReportId); // clean precision-pseudonym
        logger.LogInformation("Request {Request}", request); // leak TC1001 logging-objects
        var reply = new EngineerJobReply("J-" + request.ReportId, 45);
        logger.LogInformation("Reply {@Reply}", reply); // clean logging-objects
        return Task.FromResult(reply);
    }
}
