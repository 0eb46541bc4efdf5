using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at the address a message handler's <c>SendAsync</c> or an HTTP enricher's callback reads
/// from the request it is given: judged by the requests of the clients it serves (those the source
/// registers it on, or else the clients of its namespace), the path by what they put before the '?'
/// and the query by what they put after it.
/// </summary>
public class TC1001OutgoingRequestHandlerTests
{
    private const string Registration = """
        using System;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IHttpClientBuilder { }

            public static class HttpClientRegistration
            {
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null!;
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => null!;
                public static IHttpClientBuilder AddHttpMessageHandler<THandler>(this IHttpClientBuilder builder) where THandler : DelegatingHandler => builder;
            }
        }

        """;

    [Fact]
    public async Task A_handler_reads_the_identifiers_its_client_put_in_the_query_but_not_in_the_path()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Clinic
            {
                public sealed class PatientRecordsClient(HttpClient http)
                {
                    public Task<string?> FindAsync(string nhsNumber, string wardCode, CancellationToken ct) =>
                        http.GetFromJsonAsync<string>($"wards/{wardCode}/Patient?identifier={nhsNumber}", ct);
                }

                public sealed class RecordsLoggingHandler(ILogger<RecordsLoggingHandler> logger) : DelegatingHandler
                {
                    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        var response = await base.SendAsync(request, cancellationToken);
                        logger.LogDebug("Records {Method} {Uri}", request.Method, {|TC1001:request.RequestUri|});
                        logger.LogDebug("Records search {Query}", request.RequestUri?{|TC1001:.Query|});
                        logger.LogDebug("Records call {Path}", request.RequestUri?.AbsolutePath);
                        logger.LogDebug("Records host {Host}", request.RequestUri?.Host);
                        var uri = request.RequestUri!;
                        Activity.Current?.SetTag("records.search", {|TC1001:uri.PathAndQuery|});
                        Activity.Current?.SetTag("records.path", uri.AbsolutePath);
                        return response;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_identifier_in_the_path_makes_the_path_personal_and_leaves_the_query_alone()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Grid
            {
                public sealed class MeterHubClient(HttpClient http)
                {
                    public Task<HttpResponseMessage> ReadAsync(string meterSerial, DateOnly day, CancellationToken ct) =>
                        http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "meters/" + meterSerial + "/profile?day=" + day.ToString("yyyy-MM-dd")), ct);
                }

                public sealed class HubTimingHandler(ILogger<HubTimingHandler> logger) : DelegatingHandler
                {
                    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        var response = await base.SendAsync(request, cancellationToken);
                        logger.LogInformation("Hub {Path} -> {Status}", request.RequestUri?{|TC1001:.AbsolutePath|}, (int)response.StatusCode);
                        logger.LogInformation("Hub query {Query}", request.RequestUri?.Query);
                        return response;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_registered_handler_answers_only_for_the_clients_it_is_registered_on()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Shop
            {
                using Microsoft.Extensions.DependencyInjection;

                public sealed class LoyaltyClient(HttpClient http)
                {
                    public Task<string> BalanceAsync(string loyaltyCardNumber) => http.GetStringAsync($"cards/{loyaltyCardNumber}/balance");
                }

                public sealed class CatalogueClient(HttpClient http)
                {
                    public Task<string> ProductAsync(string sku) => http.GetStringAsync($"products/{sku}");
                }

                public sealed class CatalogueLoggingHandler(ILogger<CatalogueLoggingHandler> logger) : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        logger.LogDebug("Catalogue {Uri}", request.RequestUri);
                        return base.SendAsync(request, cancellationToken);
                    }
                }

                public sealed class LoyaltyLoggingHandler(ILogger<LoyaltyLoggingHandler> logger) : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        logger.LogDebug("Loyalty {Uri}", {|TC1001:request.RequestUri|});
                        return base.SendAsync(request, cancellationToken);
                    }
                }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddHttpClient<CatalogueClient>().AddHttpMessageHandler<CatalogueLoggingHandler>();
                        services.AddHttpClient<LoyaltyClient>().AddHttpMessageHandler<LoyaltyLoggingHandler>();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_unregistered_handler_or_an_enricher_answers_for_the_clients_of_its_namespace()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Playback
            {
                public sealed class RightsClient(HttpClient http)
                {
                    public Task<HttpResponseMessage> RightsAsync(string subscriberId, string titleId) =>
                        http.GetAsync($"https://rights.example/v1/subscribers/{subscriberId}/titles/{titleId}");
                }

                public sealed class TracingOptions
                {
                    public Action<Activity, HttpRequestMessage>? EnrichWithHttpRequestMessage { get; set; }
                }

                public static class PlaybackTracing
                {
                    public static void Configure(TracingOptions options) =>
                        options.EnrichWithHttpRequestMessage = (activity, message) => activity.SetTag("upstream.url", message.RequestUri?{|TC1001:.ToString()|});
                }
            }

            namespace Catalogue
            {
                public sealed class TitlesClient(HttpClient http)
                {
                    public Task<HttpResponseMessage> TitleAsync(string titleId) => http.GetAsync($"titles/{titleId}");
                }

                public sealed class TitlesLoggingHandler(ILogger<TitlesLoggingHandler> logger) : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        logger.LogDebug("Titles {Uri}", request.RequestUri);
                        return base.SendAsync(request, cancellationToken);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_json_call_s_response_carries_the_address_it_was_sent_to()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Rota
            {
                public sealed record StandbyEntry(string StaffNumber, DateTime From);

                public sealed class StandbySync(HttpClient http, ILogger<StandbySync> logger)
                {
                    public async Task PushAsync(StandbyEntry entry, string patch, CancellationToken ct)
                    {
                        var response = await http.PutAsJsonAsync($"api/standby/{entry.StaffNumber}", new { entry.From }, ct);
                        logger.LogWarning("Refused {Uri}", {|TC1001:response.RequestMessage?.RequestUri|});
                        var patchResponse = await http.PutAsJsonAsync($"api/patches/{patch}", new { entry.From }, ct);
                        logger.LogWarning("Refused {Uri}", patchResponse.RequestMessage?.RequestUri);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_declarative_client_s_routes_and_a_sending_helper_s_callers_are_the_addresses_a_handler_sees()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Refit
            {
                [AttributeUsage(AttributeTargets.Method)]
                public abstract class HttpMethodAttribute(string path) : Attribute { public string Path { get; } = path; }
                public sealed class GetAttribute(string path) : HttpMethodAttribute(path);
                public sealed class PostAttribute(string path) : HttpMethodAttribute(path);
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class QueryAttribute : Attribute;
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class BodyAttribute : Attribute;
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class RefitRegistration
                {
                    public static IHttpClientBuilder AddRefitClient<T>(this IServiceCollection services) => null!;
                }
            }

            namespace Exams
            {
                using Microsoft.Extensions.DependencyInjection;
                using Refit;

                public interface IExamBoardApi
                {
                    [Get("/centres/{centreNumber}/results")]
                    Task<string> ResultsAsync(string centreNumber, [Query] int page);

                    [Get("/candidates/{uci}/results")]
                    Task<string> CandidateAsync(string uci, [Query] string series);
                }

                public sealed class BoardLoggingHandler(ILogger<BoardLoggingHandler> logger) : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        logger.LogDebug("Board {Path}", request.RequestUri?{|TC1001:.AbsolutePath|});
                        logger.LogDebug("Board query {Query}", request.RequestUri?.Query);
                        return base.SendAsync(request, cancellationToken);
                    }
                }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddRefitClient<IExamBoardApi>().AddHttpMessageHandler<BoardLoggingHandler>();
                }
            }

            namespace Store
            {
                public sealed class PlatformStoreClient(HttpClient http)
                {
                    public async Task EntitlementsAsync(string platformAccountId, CancellationToken ct)
                    {
                        using var request = Create(HttpMethod.Get, $"v1/users/{platformAccountId}/entitlements?label=consumable");
                        using var response = await http.SendAsync(request, ct);
                    }

                    private static HttpRequestMessage Create(HttpMethod method, string path) => new HttpRequestMessage(method, path);
                }

                public sealed class StoreLoggingHandler(ILogger<StoreLoggingHandler> logger) : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        logger.LogInformation("Store call {Uri}", {|TC1001:request.RequestUri|});
                        logger.LogInformation("Store query {Query}", request.RequestUri?.Query);
                        return base.SendAsync(request, cancellationToken);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_resilience_callback_configured_on_a_client_sees_that_client_s_requests()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Polly
            {
                public readonly struct Outcome<TResult>
                {
                    public TResult? Result { get; init; }
                    public Exception? Exception { get; init; }
                }

                public readonly struct OnRetryArguments<TResult>
                {
                    public Outcome<TResult> Outcome { get; init; }
                    public int AttemptNumber { get; init; }
                }

                public class RetryStrategyOptions<TResult>
                {
                    public Func<OnRetryArguments<TResult>, ValueTask>? OnRetry { get; set; }
                }

                public sealed class PipelineBuilder
                {
                    public PipelineBuilder AddRetry(RetryStrategyOptions<HttpResponseMessage> options) => this;
                }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class ResilienceRegistration
                {
                    public static IHttpClientBuilder AddResilienceHandler(this IHttpClientBuilder builder, string name, Action<Polly.PipelineBuilder> configure) => builder;
                }
            }

            namespace Spine
            {
                using Microsoft.Extensions.DependencyInjection;
                using Polly;

                public sealed class DemographicsClient(HttpClient http)
                {
                    public Task<HttpResponseMessage> ReadAsync(string nhsNumber, CancellationToken ct) =>
                        http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"Patient/{nhsNumber}"), ct);
                }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services, ILogger logger) =>
                        services.AddHttpClient<DemographicsClient>().AddResilienceHandler("pds", pipeline =>
                            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                            {
                                OnRetry = args =>
                                {
                                    var uri = args.Outcome.Result?.RequestMessage?.RequestUri;
                                    logger.LogWarning("Retrying {Uri}, attempt {Attempt}", {|TC1001:uri|}, args.AttemptNumber);
                                    logger.LogWarning("Retrying {Host}", args.Outcome.Result?.RequestMessage?.RequestUri?.Host);
                                    return default;
                                },
                            }));
                }
            }
            """);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_static_call_on_a_callback_s_request_path_is_judged_by_that_path_and_the_analysis_finishes()
    {
        // A static call that is neither an extension nor an instance call continues no registration
        // chain; the walk up a callback's parents once mistook it for its own receiver and never ended.
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Polly
            {
                public readonly struct Outcome<TResult>
                {
                    public TResult? Result { get; init; }
                }

                public readonly struct OnRetryArguments<TResult>
                {
                    public Outcome<TResult> Outcome { get; init; }
                }

                public class RetryStrategyOptions<TResult>
                {
                    public Func<OnRetryArguments<TResult>, ValueTask>? OnRetry { get; set; }
                }

                public sealed class PipelineBuilder
                {
                    public PipelineBuilder AddRetry(RetryStrategyOptions<HttpResponseMessage> options) => this;
                }
            }

            namespace Payments
            {
                using System.Text.RegularExpressions;
                using Polly;

                public sealed class ShopperClient(HttpClient http)
                {
                    public Task<HttpResponseMessage> PayAsync(string customerNumber, CancellationToken ct) =>
                        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"shoppers/{customerNumber}/payments"), ct);
                }

                public static class Pipelines
                {
                    public static PipelineBuilder Build(ILogger logger) =>
                        new PipelineBuilder().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                        {
                            OnRetry = args =>
                            {
                                logger.LogWarning("Retrying {Path}", string.Concat("/", args.Outcome.Result?.RequestMessage?.RequestUri?{|TC1001:.AbsolutePath|} ?? ""));
                                logger.LogWarning("Retrying {Path}", Regex.Replace(args.Outcome.Result?.RequestMessage?.RequestUri?.AbsolutePath ?? "", "[0-9]", "#"));
                                logger.LogWarning("Retrying {Path}", Trimmed(args.Outcome.Result?.RequestMessage?.RequestUri?{|TC1001:.AbsolutePath|}));
                                logger.LogWarning("Retrying {Path}", args.Outcome.Result?.RequestMessage?.RequestUri?{|TC1001:.AbsolutePath|});
                                logger.LogWarning("Retrying {Path}", args.Outcome.Result?.RequestMessage?.RequestUri?{|TC1001:.AbsolutePath|} ?? "");
                                logger.LogWarning("Retrying {Path}", $"/{args.Outcome.Result?.RequestMessage?.RequestUri?{|TC1001:.AbsolutePath|}}");
                                logger.LogWarning("Retrying {Path}", {|TC1001:(args.Outcome.Result?.RequestMessage?.RequestUri?.AbsolutePath ?? "").Trim('/')|});
                                logger.LogWarning("Retrying {Length}", Trimmed(args.Outcome.Result?.RequestMessage?.RequestUri?.AbsolutePath).Length);
                                logger.LogWarning("Retrying {Host}", args.Outcome.Result?.RequestMessage?.RequestUri?.Host);
                                return default;
                            },
                        });

                    private static string Trimmed(string? path) => (path ?? "").Trim('/');
                }
            }
            """);
    }

    [Fact]
    public async Task A_declarative_client_s_exception_carries_the_route_its_call_filled_in()
    {
        await VerifyCS.AnalyzerAsync(Registration + """
            namespace Refit
            {
                [AttributeUsage(AttributeTargets.Method)]
                public abstract class HttpMethodAttribute(string path) : Attribute { public string Path { get; } = path; }
                public sealed class GetAttribute(string path) : HttpMethodAttribute(path);
                public class ApiException(string message, Uri? uri) : Exception(message) { public Uri? Uri { get; } = uri; }
            }

            namespace Partner.Http
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class GetAttribute(string path) : Attribute { public string Path { get; } = path; }

                public interface IRefundsApi
                {
                    [Get("/cards/{cardNumber}/refunds")]
                    Task<string> RefundsAsync(string cardNumber, string period);
                }

                public class ApiException(HttpRequestMessage request) : Exception("Response status code does not indicate success.")
                {
                    public HttpRequestMessage RequestMessage { get; } = request;
                    public Uri? Uri => RequestMessage.RequestUri;
                }
            }

            namespace Exams
            {
                using Refit;

                public interface IExamBoardApi
                {
                    [Get("/candidates/{uci}/results")]
                    Task<string> CandidateAsync(string uci, string series);

                    [Get("/centres/{centre}/results")]
                    Task<string> CentreAsync(string centre);
                }

                public sealed class Results(IExamBoardApi api, ILogger<Results> logger)
                {
                    public async Task RefreshAsync(string uci, string centre)
                    {
                        try
                        {
                            await api.CandidateAsync(uci, "2026-06");
                        }
                        catch (ApiException ex)
                        {
                            logger.LogInformation("No results yet at {Uri}", {|TC1001:ex.Uri|});
                        }
                        try
                        {
                            await api.CentreAsync(centre);
                        }
                        catch (ApiException ex)
                        {
                            logger.LogInformation("No results yet at {Uri}", ex.Uri);
                        }
                        try
                        {
                            await api.CandidateAsync(uci, "2026-11");
                        }
                        catch (Partner.Http.ApiException ex)
                        {
                            logger.LogInformation("Failed at {Uri}", {|TC1001:ex.RequestMessage.RequestUri|});
                            logger.LogInformation("Failed at {Path}", ex.Uri?{|TC1001:.AbsolutePath|});
                        }
                    }

                    public async Task RefundsAsync(Partner.Http.IRefundsApi refunds, string card, string period)
                    {
                        try
                        {
                            await refunds.RefundsAsync(card, period);
                        }
                        catch (Partner.Http.ApiException ex)
                        {
                            logger.LogWarning("Refund history failed for {Uri}", {|TC1001:ex.RequestMessage.RequestUri|});
                            logger.LogWarning("Refund history failed, query {Query}", ex.Uri?.Query);
                        }
                    }
                }
            }
            """);
    }
}
