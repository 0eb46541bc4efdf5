using Campus.V1;

namespace PrivacyHoldout112.Education;

public interface ITimetableChanges
{
    IAsyncEnumerable<TimetableChange> ForStudentAsync(string studentNumber, int week, CancellationToken cancellationToken);
}

/// <summary>campus.v1.Timetable: streams a student's timetable changes for a week to the student app.</summary>
public sealed class TimetableStreamService(
    ITimetableChanges changes,
    KeyedShards shards,
    Pseudonymizer pseudonymizer,
    ILogger<TimetableStreamService> logger) : Timetable.TimetableBase
{
    private static readonly ActivitySource Source = new("Campus.Timetable");
    private static readonly Meter Meter = new("Campus.Timetable");
    private static readonly UpDownCounter<long> OpenStreams = Meter.CreateUpDownCounter<long>("campus.timetable.open_streams");

    public override async Task WatchTimetable(WatchTimetableRequest request, IServerStreamWriter<TimetableChange> responseStream, ServerCallContext context)
    {
        using var span = Source.StartCampusrpcCall(context.Method).SetCampusrpcProtocol("grpc");
        var shard = shards.ShardOf(request.StudentNumber, 16);
        Activity.Current?.SetTag("campus.stream.shard", shard); // clean hashes
        Activity.Current?.SetTag("campus.stream.bucket", (request.StudentNumber.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
        Activity.Current?.SetTag("campus.stream.channel", $"timetable/{request.StudentNumber}/week-{request.Week}"); // leak TC1001 strings
        Activity.Current?.SetTag("campus.week", request.Week); // clean precision-names
        OpenStreams.Add(1, new KeyValuePair<string, object?>("week", request.Week)); // clean precision-names
        var pushed = 0;
        try
        {
            await foreach (var change in changes.ForStudentAsync(request.StudentNumber, request.Week, context.CancellationToken))
            {
                await responseStream.WriteAsync(change);
                pushed++;
                logger.LogDebug("Pushed change {Change}", change); // clean logging-objects
            }
        }
        catch (OperationCanceledException ex)
        {
            span.SetCampusrpcOutcome("cancelled").RecordException(ex); // clean exceptions
        }
        finally
        {
            OpenStreams.Add(-1, new KeyValuePair<string, object?>("week", request.Week));
            span.AddCampusrpcStreamClosedEvent(pushed, $"week {request.Week}, {pushed} changes"); // clean generated-api
            logger.LogInformation("Timetable stream for {Student} closed after {Pushed} changes", pseudonymizer.ComputeCampusrpcStudentId(request.StudentNumber), pushed); // clean precision-pseudonym
            Meter.CreateCampusrpcCallsCounter().Add(1, context.Method, context.Status.StatusCode.ToString(), pseudonymizer.ComputeCampusrpcStudentId(request.StudentNumber)); // leak TC1003 precision-pseudonym
        }
    }
}
