using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout25.Education;

/// <summary>The signed-in student's access token, issued to that student by the campus identity provider.</summary>
public interface IStudentTokenAccessor
{
    string AccessToken { get; }
}

/// <summary>Client interceptor of the student portal's backend: forwards the student's token to the grade book.</summary>
public sealed class ForwardStudentTokenInterceptor(IStudentTokenAccessor tokens, ILogger<ForwardStudentTokenInterceptor> logger) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? new Metadata();
        headers.Add("authorization", "Bearer " + tokens.AccessToken);
        var options = context.Options.WithHeaders(headers);
        logger.LogDebug("Calling {Method} on {Host}", context.Method.FullName, context.Host ?? "default"); // clean precision-names
        logger.LogTrace("Outgoing metadata: {Headers}", string.Join("; ", headers)); // leak TC1001 logging-objects

        var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
        return new AsyncUnaryCall<TResponse>(ObserveAsync(call.ResponseAsync, context.Method.Name), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> ObserveAsync<TResponse>(Task<TResponse> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException ex)
        {
            logger.LogWarning("{Method} ended with {StatusCode}", method, ex.StatusCode); // clean exceptions
            throw;
        }
    }
}

public sealed class StudentPortalClient(ILogger<StudentPortalClient> logger, ForwardStudentTokenInterceptor forwardToken)
{
    private readonly Gradebook.GradebookClient _client = new(
        GrpcChannel.ForAddress("https://gradebook.campus.internal", new GrpcChannelOptions
        {
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { new MethodName { Service = Gradebook.ServiceName, Method = "GetTranscript" } },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(2),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        }).Intercept(forwardToken));

    public async Task<Transcript?> GetTranscriptAsync(string studentNumber, string termId, CancellationToken cancellationToken)
    {
        using var call = _client.GetTranscriptAsync(new TranscriptRequest { StudentNumber = studentNumber, TermId = termId }, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
        try
        {
            var transcript = await call.ResponseAsync;
            var headers = await call.ResponseHeadersAsync;
            var attempts = headers.GetValue("grpc-previous-rpc-attempts") ?? "0";
            Activity.Current?.SetTag("campus.transcript.retries", int.Parse(attempts)); // clean precision-about
            logger.LogDebug("Transcript {Term} version {Version}", termId, headers.GetValue("x-transcript-version")); // clean direct
            logger.LogTrace("Transcript received: {Transcript}", transcript); // leak TC1001 logging-objects
            logger.LogInformation("Transcript {Term} has {Credits} credits", termId, transcript.Grades.Sum(g => g.Credits)); // clean precision-about
            return transcript;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            logger.LogWarning(ex, "Grade book unavailable after retries for term {Term}", termId); // clean exceptions
            return null;
        }
    }
}
