using Campus.V1;

namespace PrivacyHoldout112.Education;

/// <summary>
/// Client interceptor on the portal's enrolment client: it forwards the signed-in student's bearer token and
/// gives every call a deadline.
/// </summary>
public sealed class ForwardStudentTokenInterceptor(
    Func<string> currentToken,
    ILogger<ForwardStudentTokenInterceptor> logger) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? new Metadata();
        headers.Add("authorization", "Bearer " + currentToken());
        var options = context.Options.WithHeaders(headers).WithDeadline(context.Options.Deadline ?? DateTime.UtcNow.AddSeconds(5));
        Activity.Current?.SetTag("rpc.method", context.Method.FullName); // clean precision-names
        Activity.Current?.SetTag("rpc.deadline_ms", (options.Deadline!.Value - DateTime.UtcNow).TotalMilliseconds); // clean precision-about
        logger.LogDebug("Outgoing {Method} with {Headers}", context.Method.Name, headers); // leak TC1001 logging-objects
        logger.LogDebug("Outgoing header count {Count}", headers.Count); // clean precision-about
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}

/// <summary>The portal's enrolment page: enrols the signed-in student on a module through campus.v1.Enrolment.</summary>
public sealed class EnrolmentPortalClient(
    Enrolment.EnrolmentClient client,
    Pseudonymizer pseudonymizer,
    ILogger<EnrolmentPortalClient> logger)
{
    private static readonly ActivitySource Source = new("Campus.Portal.Enrolment");

    public async Task<string?> EnrolAsync(string studentNumber, string moduleCode, string cohort, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusrpcCall(Enrolment.EnrolMethod.FullName).SetCampusrpcProtocol("grpc");
        var request = new EnrolRequest { StudentNumber = studentNumber, ModuleCode = moduleCode, Cohort = cohort };
        Activity.Current?.SetTag("campus.enrol.key", $"{studentNumber}:{moduleCode}"); // leak TC1001 strings
        Activity.Current?.SetTag("campus.enrol.cohort", $"{cohort}/{moduleCode}"); // clean strings
        try
        {
            using var call = client.EnrolAsync(request, deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            var reply = await call.ResponseAsync;
            var headers = await call.ResponseHeadersAsync;
            span.SetCampusrpcOutcome("enrolled").SetCampusrpcNote($"{reply.PlacesLeft} places left on {moduleCode}"); // clean generated-api
            logger.LogInformation("Enrolment {EnrolmentId} created, attempts {Attempts}", reply.EnrolmentId, headers.GetValue("grpc-previous-rpc-attempts")); // clean precision-names
            logger.LogInformation("Enrolment reply {Reply}", reply); // clean logging-objects
            return reply.EnrolmentId;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            span.SetCampusrpcOutcome("timeout").RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Enrolment on {Module} timed out", moduleCode); // clean exceptions
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            // The enrolment service refuses with "Student {student_number} has an unpaid fee hold" and the hold id in x-hold-id.
            logger.LogWarning("Enrolment refused: {Detail}", ex.Status.Detail); // leak TC1001 exceptions
            logger.LogCampusrpcCallFailedEvent(Enrolment.EnrolMethod.FullName, "refused", pseudonymizer.PseudonymizeCampusrpcStudentId(studentNumber), ex.Trailers.GetValue("x-hold-id")); // clean generated-api
            logger.LogCampusrpcCallFailedEvent(Enrolment.EnrolMethod.FullName, "refused", campusrpcNote: ex.Message); // leak TC1001 generated-api
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return null;
        }
        catch (RpcException ex)
        {
            logger.LogError("Enrolment of {Student} failed with {Status}", studentNumber, ex.StatusCode); // leak TC1001 direct
            return null;
        }
    }
}
