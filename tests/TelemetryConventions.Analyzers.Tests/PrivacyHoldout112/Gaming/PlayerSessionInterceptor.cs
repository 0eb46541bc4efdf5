namespace PrivacyHoldout112.Gaming;

/// <summary>
/// Registered on the game backend's host for MatchmakingService and InventoryService. Consoles send the signed-in
/// player's account id in <c>x-player-id</c> and their session token in <c>authorization</c>; the interceptor
/// puts the player id in the call's <c>UserState</c> for the services.
/// </summary>
public sealed class PlayerSessionInterceptor(
    Pseudonymizer pseudonymizer,
    ILogger<PlayerSessionInterceptor> logger) : Interceptor
{
    public const string PlayerIdKey = "player-id";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var playerId = Authenticate(context);
        using var scope = logger.BeginScope("Player {PlayerId} calling {Method}", playerId, context.Method); // leak TC1001 direct
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            logger.LogWarning(ex, "{Method} ended with {Status}", context.Method, ex.StatusCode); // leak TC1001 exceptions
            throw;
        }
        finally
        {
            Activity.Current?.SetTag("game.call.ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-about
        }
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var playerId = Authenticate(context);
        Activity.Current?.SetBaggage("game.player", pseudonymizer.ComputeMatchrpcPlayerId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("game.client.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("game.client.platform", context.RequestHeaders.GetValue("x-platform")); // clean precision-names
        return continuation(requestStream, responseStream, context);
    }

    private string Authenticate(ServerCallContext context)
    {
        var playerId = context.RequestHeaders.GetValue("x-player-id")
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "x-player-id is missing")); // clean exceptions
        if (context.RequestHeaders.GetValue("authorization") is not { Length: > 0 } token)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"No session token for player {playerId}")); // leak TC1001 exceptions
        }

        logger.LogTrace("Session token ends {Tail}", token[^4..]); // clean precision-about
        context.UserState[PlayerIdKey] = playerId;
        return playerId;
    }
}
