using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using PrivacyHoldout17.Support.Http;

namespace PrivacyHoldout17.Energy;

/// <summary>A monthly Direct Debit collection submitted to the Bacs bureau.</summary>
public sealed record Collection(string AccountNumber, string BillNumber, long AmountPence, string SortCode, string BankAccountNumber, DateOnly CollectOn);

public sealed record CollectionResult(string SubmissionId, string Status);

public static class CollectionRegistration
{
    public static IServiceCollection AddBureauClient(this IServiceCollection services, Uri baseAddress)
    {
        services.AddHttpClient<DirectDebitCollectionClient>(client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler<BureauLoggingHandler>();
        return services;
    }
}

/// <summary>Typed client of the Bacs bureau's collections API, with retries for transient failures.</summary>
public sealed class DirectDebitCollectionClient
{
    private readonly HttpClient _http;
    private readonly ILogger<DirectDebitCollectionClient> _logger;
    private readonly AsyncRetryPolicy _retry;

    public DirectDebitCollectionClient(HttpClient http, ILogger<DirectDebitCollectionClient> logger)
    {
        _http = http;
        _logger = logger;
        _retry = Policy.Handle<HttpRequestException>().Or<TaskCanceledException>().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)), OnRetry);
    }

    private void OnRetry(Exception exception, TimeSpan delay, int attempt, Context context)
    {
        _logger.LogWarning(exception, "Bureau call {Operation} failed, attempt {Attempt}, next in {Delay}", context.OperationKey, attempt, delay); // clean exceptions
        _logger.LogWarning("Retrying the collection of bill {BillNumber} for account {AccountNumber}", context["billNumber"], context["accountNumber"]); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("bureau.retry", tags: new ActivityTagsCollection { ["retry.attempt"] = attempt, ["retry.operation"] = context.OperationKey, ["retry.correlation"] = context.CorrelationId })); // clean precision-names
    }

    public Task<CollectionResult> SubmitAsync(Collection collection, CancellationToken cancellationToken)
    {
        var context = new Context("bureau.collections.submit") { ["accountNumber"] = collection.AccountNumber, ["billNumber"] = collection.BillNumber };
        return _retry.ExecuteAsync(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/accounts/{collection.AccountNumber}/collections")
            {
                Content = JsonContent.Create(new { amount = collection.AmountPence, sortCode = collection.SortCode, accountNumber = collection.BankAccountNumber, reference = collection.BillNumber, date = collection.CollectOn }),
            };
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogError("Bureau rejected {Method} {RequestUri} with {Status}", request.Method, request.RequestUri, (int)response.StatusCode); // leak TC1001 strings
                _logger.LogError("Bureau {Host} rejected a collection with {Status}", request.RequestUri?.Host, (int)response.StatusCode); // clean precision-about
                response.EnsureSuccessStatusCode();
            }

            return (await response.Content.ReadFromJsonAsync<CollectionResult>(cancellationToken))!;
        }, context);
    }
}

/// <summary>Logs every call to the bureau. The only client it is registered on sends account numbers in the path and bank details in the body.</summary>
public sealed class BureauLoggingHandler(ILogger<BureauLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        logger.LogDebug("-> {Method} {Path} {Body}", request.Method, request.RequestUri?.AbsolutePath, body); // leak TC1001 cross-member

        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        logger.LogDebug("<- {Status} for {Route} in {Elapsed} ms", (int)response.StatusCode, RouteOf(request.RequestUri), Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-about
        return response;
    }

    /// <summary>The path with every run of digits replaced, so /v2/accounts/81234567/collections becomes /v2/accounts/{n}/collections.</summary>
    private static string RouteOf(Uri? uri) => uri is null ? string.Empty : Digits().Replace(uri.AbsolutePath, "{n}");

    private static readonly Regex DigitRuns = new("[0-9]+", RegexOptions.Compiled);

    private static Regex Digits() => DigitRuns;
}
