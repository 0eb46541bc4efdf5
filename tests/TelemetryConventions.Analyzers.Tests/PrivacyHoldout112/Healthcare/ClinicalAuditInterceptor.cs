namespace PrivacyHoldout112.Healthcare;

/// <summary>
/// Registered on every service of the EPR's gRPC host: PatientRecords (lookups by NHS and hospital number, with the
/// consultant's staff number in <c>x-staff-number</c> and the NHS number of the patient in context in
/// <c>x-patient-context-bin</c>), LabResults (streams of a ward's results to the ward's results board) and
/// PatientAppointments (the patient app, over gRPC-Web).
/// </summary>
public sealed class ClinicalAuditInterceptor(
    ILogger<ClinicalAuditInterceptor> logger,
    Pseudonymizer pseudonymizer) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["GrpcMethod"] = context.Method }); // clean precision-names
        logger.LogDebug("Call {Method} with headers {Headers}", context.Method, context.RequestHeaders); // leak TC1001 logging-objects
        logger.LogDebug("Header keys {Keys}", string.Join(",", context.RequestHeaders.Select(h => h.Key))); // clean strings
        logger.LogTrace("Request {Request}", request); // leak TC1001 logging-objects

        var patientContext = context.RequestHeaders.GetValueBytes("x-patient-context-bin");
        if (patientContext is not null)
        {
            var nhsNumber = Encoding.UTF8.GetString(patientContext);
            Activity.Current?.SetTag("clinic.patient_context", nhsNumber); // leak TC1001 direct
            Activity.Current?.SetBaggage("clinic.patient", pseudonymizer.ComputeClinicrpcPatientId(nhsNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("clinic.patient_context.bytes", patientContext.Length); // clean precision-about
        }

        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            logger.LogInformation(ex, "Lookup {Method} found nothing", context.Method); // leak TC1001 exceptions
            throw;
        }
        catch (RpcException ex)
        {
            Activity.Current?.SetTag("rpc.grpc.status_code", (int)ex.StatusCode); // clean precision-about
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.StatusCode.ToString()); // clean exceptions
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // Only the results boards on the wards stream; they are trust devices on the ward network.
        Activity.Current?.SetTag("network.peer.address", context.Peer); // clean precision-names
        logger.LogDebug("Stream {Method} opened with {Request}", context.Method, request); // clean logging-objects
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (OperationCanceledException ex) when (context.CancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Stream {Method} cancelled by the board", context.Method); // clean exceptions
        }
    }
}
