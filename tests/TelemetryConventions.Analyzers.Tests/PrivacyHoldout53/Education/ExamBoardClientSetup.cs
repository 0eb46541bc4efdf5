using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout53.Telemetry;
using Polly;
using Polly.Retry;
using Refit;
using TelemetryConventions;

namespace PrivacyHoldout53.Education;

public static class ExamBoardClientSetup
{
    public static IServiceCollection AddExamBoard(this IServiceCollection services, TracerProviderBuilder tracing)
    {
        services.AddRefitClient<IExamBoardApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.awarding-body.example/v3"))
            .AddHttpMessageHandler<ExamBoardSpanTaggingHandler>()
            .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 4);

        tracing.AddHttpClientInstrumentation(o =>
        {
            o.EnrichWithHttpRequestMessage = (activity, request) =>
            {
                activity.SetTag("exam_board.query", request.RequestUri?.Query); // clean precision-about
                activity.SetTag("exam_board.api_version", request.Headers.TryGetValues("X-Api-Version", out var v) ? string.Join(",", v) : null); // clean direct
            };
            o.EnrichWithException = (activity, exception) => activity.SetTag("exam_board.error", exception.Message); // clean exceptions
        });
        return services;
    }

    /// <summary>Masks runs of digits so that request paths can be grouped: <c>/candidates/{n}X/results</c>.</summary>
    public static string MaskPath(string path) => DigitRuns.Replace(path, "{n}");

    private static readonly Regex DigitRuns = new("[0-9]+", RegexOptions.Compiled);
}

/// <summary>Tags the HttpClient span with the board's path and echo headers.</summary>
public sealed class ExamBoardSpanTaggingHandler(Meter meter) : DelegatingHandler
{
    private readonly Counter<long> _requests = meter.CreateCounter<long>("exam_board.requests");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "/";
        Activity.Current?.SetTag("exam_board.path", path); // leak TC1001 cross-member
        Activity.Current?.SetTag("exam_board.route", ExamBoardClientSetup.MaskPath(path)); // clean precision-about

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("X-Board-Trace", out var boardTrace))
        {
            Activity.Current?.SetTag("exam_board.trace", string.Join(",", boardTrace)); // clean direct
        }

        meter.CreatePartnerCallDurationHistogram().Record(0, "exam-board", ExamBoardClientSetup.MaskPath(path), (int)response.StatusCode); // clean precision-about
        _requests.Add(1, new("exam_board.path", path), new("http.response.status_code", (int)response.StatusCode)); // leak TC1003 cross-member
        return response;
    }
}

/// <summary>Post-results reviews go through a pipeline of their own: the board throttles them hard in August.</summary>
public sealed class ReviewSubmissionPipeline
{
    private static readonly ResiliencePropertyKey<string> CandidateKey = new("exam.candidate");
    private static readonly ResiliencePropertyKey<string> CandidateRefKey = new("exam.candidate.ref");
    private static readonly ResiliencePropertyKey<string> ComponentKey = new("exam.component");

    private readonly ResiliencePipeline _pipeline;
    private readonly IExamBoardApi _api;
    private readonly Pseudonymizer _pseudonymizer;

    public ReviewSubmissionPipeline(IExamBoardApi api, Pseudonymizer pseudonymizer, ILogger<ReviewSubmissionPipeline> logger)
    {
        _api = api;
        _pseudonymizer = pseudonymizer;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.FromSeconds(10),
                OnRetry = args =>
                {
                    args.Context.Properties.TryGetValue(CandidateKey, out var uci);
                    args.Context.Properties.TryGetValue(CandidateRefKey, out var candidateRef);
                    args.Context.Properties.TryGetValue(ComponentKey, out var component);
                    logger.LogWarning("Review for {Candidate} on {Component} throttled, attempt {Attempt}", uci, component, args.AttemptNumber); // leak TC1001 cross-member
                    logger.LogWarning("Review for {CandidateRef} on {Component} throttled, retry in {Delay}", candidateRef, component, args.RetryDelay); // clean precision-pseudonym
                    logger.LogWarning(args.Outcome.Exception, "Review submission attempt {Attempt} failed", args.AttemptNumber); // clean exceptions
                    return default;
                },
            })
            .Build();
    }

    public async Task<ReviewReceipt> SubmitAsync(string centreNumber, ReviewRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get("exam-board.review", cancellationToken);
        context.Properties.Set(CandidateKey, request.Uci);
        context.Properties.Set(CandidateRefKey, _pseudonymizer.ComputePartnerSubjectId(request.Uci));
        context.Properties.Set(ComponentKey, request.ComponentCode);
        try
        {
            return await _pipeline.ExecuteAsync(async ctx => await _api.RequestReviewAsync(centreNumber, request, ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
