namespace PrivacyHoldout165.Retail;

/// <summary>Minimal API where a tester registers the kit they will spit into: kit id, activation code from inside the
/// box, and who the sample is from (a parent may activate a kit for a child).</summary>
public static partial class KitActivationEndpoints
{
    private static readonly ActivitySource Source = new("Shop.Activation");
    private static readonly Meter Meter = new("Shop.Activation");
    private static readonly Counter<long> Activations = Meter.CreateCounter<long>("kits.activations");

    public sealed record ActivationRequest(string KitId, string ActivationCode, string CustomerNumber, string TesterName, DateOnly TesterDateOfBirth);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kit {KitId} activated with code {ActivationCode}")]
    private static partial void LogActivated(ILogger logger, string kitId, string activationCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tester {TesterName} registered on kit {KitId}")]
    private static partial void LogTester(ILogger logger, [PrivateData] string testerName, string kitId);

    public static void Map(EndpointRoutes routes) => routes.MapPost("/kits/activate", ActivateAsync);

    internal static async Task<ActionResult> ActivateAsync(ActivationRequest request, IKitOrders orders, Pseudonymizer pseudonymizer, ILogger<ActivationRequest> logger, Meter meter)
    {
        using var span = Source.StartDnakitOperation("activation");
        span.Activity?.SetTag("kit.id", request.KitId); // clean precision-names
        span.Activity?.SetTag("kit.code_length", request.ActivationCode.Length); // clean precision-about
        span.Activity?.SetTag("tester.age", DateTime.UtcNow.Year - request.TesterDateOfBirth.Year); // clean precision-about
        span.Activity?.SetTag("tester.dob", request.TesterDateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        LogTester(logger, request.TesterName, request.KitId); // clean logging-objects
        try
        {
            var activation = await orders.ActivateAsync(request.KitId, request.ActivationCode, request.CustomerNumber);
            LogActivated(logger, activation.KitId, activation.ActivationCode); // leak TC1001 logging-objects
            span.SetDnakitCustomerId(pseudonymizer.PseudonymizeDnakitCustomerId(activation.CustomerNumber)); // clean generated-api
            Activations.Add(1, new KeyValuePair<string, object?>("kit", activation.KitId[..3])); // clean precision-about
            Activations.Add(1, new KeyValuePair<string, object?>("tester", activation.TesterName)); // leak TC1003 direct
            meter.CreateDnakitKitsCounter().Add(1, "activation", "activated"); // clean generated-api
            return new OkResult(activation.KitId);
        }
        catch (ActivationCodeUsedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Activation refused: {Error}", ex.GetType().Name); // clean exceptions
            logger.LogDnakitOperationFailedEvent("activation", "code-used", pseudonymizer.PseudonymizeDnakitCustomerId(request.CustomerNumber), ex.Message); // leak TC1001 generated-api
            return new BadRequestResult("used");
        }
    }
}
