namespace PrivacyHoldout145.Transport;

/// <summary>
/// Takes the British Transport Police's requests for onboard Wi-Fi logs (which device was on which train) and
/// lodges them in the disclosure vault, which extracts the records. The vault is not telemetry; what this handler
/// traces and logs is.
/// </summary>
public sealed class WifiLogDisclosureHandler(
    IDisclosureVault vault,
    ILogger<WifiLogDisclosureHandler> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Rail.Wifi.Disclosure");

    private readonly Counter<long> _requests = meter.CreateCounter<long>("wifi.disclosure.requests", "{request}");

    private DataRequest? _lastRefused;

    public async Task HandleAsync(DataRequest request, CancellationToken ct)
    {
        using var span = Source.StartOnboardwifiOperation("all-trains", "wifi.disclosure");
        Activity.Current?.SetTag("onboardwifi.disclosure.reference", request.Reference); // clean precision-names
        Activity.Current?.SetTag("onboardwifi.disclosure.authority", request.Authority); // clean precision-about
        Activity.Current?.SetTag("onboardwifi.disclosure.target", request.TargetIdentifier); // leak TC1001 direct
        Activity.Current?.SetTag("onboardwifi.disclosure.days", request.To.DayNumber - request.From.DayNumber + 1); // clean precision-about
        try
        {
            var receipt = await vault.LodgeAsync(request, ct);
            logger.LogInformation("Disclosure lodged {Receipt}", receipt); // clean logging-objects
            logger.LogInformation("Disclosure lodged {Request}", request); // leak TC1001 logging-objects
            logger.LogInformation("Disclosure {Reference} asked for by {Officer}", request.Reference, request.OfficerName); // leak TC1001 direct
            var extracted = await vault.ExtractAsync(request.Reference, ct);
            _requests.Add(1, new KeyValuePair<string, object?>("authority", request.Authority), new KeyValuePair<string, object?>("found", extracted > 0)); // clean precision-about
            span.SetOnboardwifiNote($"{request.Reference}: {extracted} records for {request.IdentifierKind}"); // clean generated-api
        }
        catch (TargetNotOnNetworkException ex)
        {
            _lastRefused = request;
            logger.LogOnboardwifiOperationFailedEvent("all-trains", "not-found", null, ex.Message); // leak TC1001 exceptions
            span.SetOnboardwifiOutcome("not-found"); // clean generated-api
        }
        catch (AuthorisationExpiredException ex)
        {
            logger.LogWarning(ex, "Disclosure {Reference} refused: authorisation expired", ex.Reference); // clean exceptions
        }
    }

    public void ReportRefused() =>
        logger.LogInformation("Last refused disclosure targeted {Target}", _lastRefused?.TargetIdentifier); // leak TC1001 cross-member
}
