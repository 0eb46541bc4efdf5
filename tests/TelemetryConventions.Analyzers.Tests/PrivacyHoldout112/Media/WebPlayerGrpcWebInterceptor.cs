using Grpc.AspNetCore.Web;

namespace PrivacyHoldout112.Media;

/// <summary>
/// On the web player's gRPC-Web endpoints (Playback and Browse): the browser sends <c>application/grpc-web-text</c>,
/// the subscriber's session cookie and <c>authorization</c> with the playback token issued to the subscriber.
/// </summary>
public sealed class WebPlayerGrpcWebInterceptor(
    Pseudonymizer pseudonymizer,
    ILogger<WebPlayerGrpcWebInterceptor> logger) : Interceptor
{
    private static readonly Meter Meter = new("Streaming.WebPlayer");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var isWeb = http.Request.ContentType is GrpcWebProtocolConstants.GrpcWebContentType or GrpcWebProtocolConstants.GrpcWebTextContentType;
        var activity = Activity.Current;
        activity?.SetTag("play.protocol", isWeb ? "grpc-web" : "grpc"); // clean precision-names
        activity?.SetTag("http.request.header.content-type", http.Request.ContentType); // clean precision-names
        activity?.SetTag("user_agent.original", http.Request.Headers.TryGetValue("user-agent", out var ua) ? ua : null); // clean precision-names
        var token = http.Request.Headers.TryGetValue("authorization", out var auth) ? auth : string.Empty;
        activity?.SetTag("play.token.length", token.Length); // clean precision-about
        activity?.SetTag("play.token", token); // leak TC1001 direct
        logger.LogDebug("Cookies {Cookies}", http.Request.Cookies); // leak TC1001 logging-objects
        logger.LogDebug("Cookie names {Names}", string.Join(",", http.Request.Cookies.Keys)); // clean strings

        var subscriber = http.Request.Headers.TryGetValue("x-subscriber-id", out var id) ? id : null;
        if (subscriber is not null)
        {
            activity?.SetTag(PlayrpcAttributes.SubscriberId, pseudonymizer.ComputePlayrpcSubscriberId(subscriber)); // clean precision-pseudonym
            activity?.SetTag(PlayrpcAttributes.SubscriberContact, pseudonymizer.ComputePlayrpcSubscriberId(subscriber)); // leak TC1001 precision-pseudonym
            activity?.SetTag("play.subscriber.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(subscriber)))); // leak TC1002 hashes
        }

        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            Meter.CreatePlayrpcCallsCounter().Add(1, context.Method, ex.StatusCode.ToString(), isWeb ? "grpc-web" : "grpc"); // clean precision-names
            activity?.SetStatus(ActivityStatusCode.Error, ex.Status.Detail); // leak TC1001 exceptions
            throw;
        }
    }
}

/// <summary>play.v1.Browse: the rows of titles shown to a viewing profile in a territory.</summary>
public sealed class BrowseService(ILogger<BrowseService> logger) : Play.V1.Browse.BrowseBase
{
    public override Task<Play.V1.ListRowsReply> ListRows(Play.V1.ListRowsRequest request, ServerCallContext context)
    {
        var reply = new Play.V1.ListRowsReply();
        reply.TitleIds.Add(new[] { "tt-0193", "tt-2204", "tt-0045" });
        logger.LogDebug("Rows for territory {Territory}: {Titles}", request.Territory, reply.TitleIds); // clean logging-objects
        logger.LogDebug("Rows reply {Reply}", reply); // clean logging-objects
        logger.LogDebug("Rows request {Request}", request); // leak TC1001 logging-objects
        return Task.FromResult(reply);
    }
}
