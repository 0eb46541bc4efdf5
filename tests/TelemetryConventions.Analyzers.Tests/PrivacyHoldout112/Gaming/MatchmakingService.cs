using Match.V1;

namespace PrivacyHoldout112.Gaming;

public interface IMatchQueue
{
    IAsyncEnumerable<QueueUpdate> JoinAsync(QueueRequest request, CancellationToken cancellationToken);
}

/// <summary>match.v1.Matchmaking: a console opens a duplex stream, sends its queue request, and gets queue updates until matched or it leaves.</summary>
public sealed class MatchmakingService(
    IMatchQueue queue,
    Pseudonymizer pseudonymizer,
    ILogger<MatchmakingService> logger) : Matchmaking.MatchmakingBase
{
    private static readonly ActivitySource Source = new("Game.Matchmaking");
    private static readonly Meter Meter = new("Game.Matchmaking");
    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("game.queue.wait", "s");

    public override async Task Queue(IAsyncStreamReader<QueueRequest> requestStream, IServerStreamWriter<QueueUpdate> responseStream, ServerCallContext context)
    {
        var playerId = (string)context.UserState[PlayerSessionInterceptor.PlayerIdKey];
        using var span = Source.StartMatchrpcCall(context.Method).SetMatchrpcProtocol("grpc")
            .SetMatchrpcPlayerId(pseudonymizer.PseudonymizeMatchrpcPlayerId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("game.player.id", playerId); // leak TC1001 cross-member
        var started = Stopwatch.GetTimestamp();
        var updates = 0;

        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var request = requestStream.Current;
        Activity.Current?.SetTag("game.mode", request.Mode); // clean precision-names
        Activity.Current?.SetTag("game.region", request.Region); // clean precision-names
        Activity.Current?.SetTag("game.party.size", request.PartyGamertags.Count + 1); // clean precision-about
        logger.LogInformation("Queueing party {Party}", request.PartyGamertags); // leak TC1001 logging-objects
        logger.LogInformation("Queue request {Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Party: " + string.Join(", ", request.PartyGamertags)); // leak TC1001 strings

        await foreach (var update in queue.JoinAsync(request, context.CancellationToken))
        {
            await responseStream.WriteAsync(update);
            updates++;
            logger.LogDebug("Queue update {Update}", update); // clean logging-objects
            if (update.State == "matched")
            {
                Activity.Current?.AddEvent(new ActivityEvent("game.matched", tags: new ActivityTagsCollection { ["game.match.id"] = update.MatchId })); // clean precision-names
                Wait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("mode", request.Mode)); // clean precision-names
            }
        }

        if (await requestStream.MoveNext(context.CancellationToken) && requestStream.Current.LeaveReason.Length > 0)
        {
            span.SetMatchrpcOutcome(requestStream.Current.LeaveReason); // clean precision-names
        }

        span.AddMatchrpcStreamClosedEvent(updates, $"{request.Mode}/{request.Region}"); // clean generated-api
        span.AddMatchrpcStreamClosedEvent(updates, $"party {string.Join("+", request.PartyGamertags)}"); // leak TC1001 generated-api
        Meter.CreateMatchrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), pseudonymizer.ComputeMatchrpcPlayerId(playerId)); // leak TC1003 precision-pseudonym
        Meter.CreateMatchrpcCallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.Method, "grpc"); // clean precision-about
    }
}
