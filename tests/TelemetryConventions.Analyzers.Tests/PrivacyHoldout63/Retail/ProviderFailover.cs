using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Retail;

public sealed record AuthorisationRequest(string CustomerNumber, string Email, string StoreId, string CardToken, decimal Amount, string Currency, string BasketId);

public sealed record AuthorisationResult(string Provider, string PspReference, bool Approved);

/// <summary>One payment provider with its circuit: the state provider and the manual control the ops console uses.</summary>
public sealed class ProviderCircuit(string name, HttpClient http)
{
    public string Name { get; } = name;

    public HttpClient Http { get; } = http;

    public CircuitBreakerStateProvider State { get; } = new();

    public CircuitBreakerManualControl Control { get; } = new();

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; set; } = null!;
}

public static class ProviderPipelines
{
    /// <summary>Every provider call is <c>POST /shoppers/{customerNumber}/payments</c>: both PSPs key their shopper records by our customer number (C and eight digits).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ProviderCircuit circuit, Meter meter, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"psp-{circuit.Name}" }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                StateProvider = circuit.State,
                ManualControl = circuit.Control,
                FailureRatio = 0.3,
                MinimumThroughput = 10,
                BreakDuration = TimeSpan.FromSeconds(20),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>().HandleResult(r => (int)r.StatusCode >= 500),
                OnOpened = args =>
                {
                    logger.LogTenderCircuitChangedEvent(circuit.Name, args.IsManual ? TenderCircuitState.Isolated : TenderCircuitState.Open, tenderNote: $"status {(int?)args.Outcome.Result?.StatusCode}, break {args.BreakDuration}"); // clean generated-api
                    logger.LogWarning("{Provider} circuit opened on {RequestUri}", circuit.Name, args.Outcome.Result?.RequestMessage?.RequestUri); // leak TC1001 cross-member
                    meter.CreateTenderFailoversCounter().Add(1, circuit.Name, tenderCircuitState: TenderCircuitState.Open);
                    return default;
                },
                OnClosed = args =>
                {
                    logger.LogTenderCircuitChangedEvent(circuit.Name, TenderCircuitState.Closed, tenderNote: args.IsManual ? "reset by ops" : null); // clean precision-about
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("{Provider} circuit half-open", circuit.Name);
                    return default;
                },
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.FromMilliseconds(300),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().HandleResult(r => r.StatusCode == HttpStatusCode.ServiceUnavailable),
                OnRetry = args =>
                {
                    logger.LogInformation("{Provider} retry {Attempt}: {Status} from {Host}", circuit.Name, args.AttemptNumber, args.Outcome.Result?.StatusCode, MaskDigits(args.Outcome.Result?.RequestMessage?.RequestUri?.AbsolutePath)); // clean precision-about
                    return default;
                },
            })
            .Build();

    private static string MaskDigits(string? path) => Regex.Replace(path ?? "", "[0-9]", "#");
}

public sealed class TenderService(
    IReadOnlyList<ProviderCircuit> providers,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TenderService> logger)
{
    public async Task<AuthorisationResult?> AuthoriseAsync(AuthorisationRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartTenderAuthorise(providers[0].Name).SetTenderCustomerId(pseudonymizer.PseudonymizeTenderCustomerId(request.CustomerNumber)).SetTenderStoreId(request.StoreId); // clean generated-api
        foreach (var provider in providers)
        {
            if (provider.State.CircuitState is CircuitState.Open or CircuitState.Isolated)
            {
                span.SetTenderCircuitState(provider.State.CircuitState == CircuitState.Open ? TenderCircuitState.Open : TenderCircuitState.Isolated);
                meter.CreateTenderFailoversCounter().Add(1, provider.Name, request.StoreId);
                continue;
            }

            var context = ResilienceContextPool.Shared.Get($"authorise:{provider.Name}", cancellationToken); // clean strings
            try
            {
                using var response = await provider.Pipeline.ExecuteAsync(
                    async ctx => await provider.Http.PostAsJsonAsync($"/shoppers/{request.CustomerNumber}/payments", new { request.CardToken, request.Amount, request.Currency, reference = request.BasketId }, ctx.CancellationToken),
                    context);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<AuthorisationResult>(cancellationToken);
                span.SetTenderProvider(provider.Name);
                return body;
            }
            catch (BrokenCircuitException ex)
            {
                logger.LogWarning(ex, "{Provider} refused the call; failing over", provider.Name); // clean exceptions
            }
            catch (HttpRequestException ex)
            {
                span.SetTenderNote($"{provider.Name}: {ex.StatusCode}"); // clean exceptions
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        span.SetStatus(ActivityStatusCode.Error, "all providers unavailable");
        logger.LogError("No provider could authorise basket {BasketId} for {CustomerEmail}", request.BasketId, request.Email); // leak TC1001 direct
        Activity.Current?.SetTag(TenderAttributes.CustomerEmail, request.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag("tender.customer.email_domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.SetTenderNote($"declined by every provider for {request.CustomerNumber}"); // leak TC1001 generated-api
        logger.LogDebug("Unauthorised request {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Provider circuits {@Circuits}", providers.Select(p => new { p.Name, p.State.CircuitState })); // clean logging-objects
        return null;
    }

    /// <summary>The ops console's "isolate provider" button.</summary>
    public async Task IsolateAsync(string providerName, string operatorUpn, string reasonCode)
    {
        foreach (var provider in providers)
        {
            if (provider.Name == providerName)
            {
                await provider.Control.IsolateAsync();
                logger.LogTenderCircuitChangedEvent(provider.Name, TenderCircuitState.Isolated, tenderNote: $"isolated: {reasonCode}"); // clean generated-api
                logger.LogWarning("{Provider} isolated by {Operator}", provider.Name, operatorUpn); // leak TC1001 direct
            }
        }
    }
}
