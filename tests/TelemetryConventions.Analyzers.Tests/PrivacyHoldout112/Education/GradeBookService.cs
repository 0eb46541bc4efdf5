using Campus.V1;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace PrivacyHoldout112.Education;

public interface IGradeStore
{
    Task<GradesReply?> GradesAsync(string studentNumber, string term, CancellationToken cancellationToken);
}

/// <summary>
/// campus.v1.GradeBook, called over gRPC by the student records system and as JSON through transcoding
/// (<c>GET /v1/students/{student_number}/grades?term=…</c>) by the student portal.
/// </summary>
public sealed class GradeBookService(
    IGradeStore store,
    Pseudonymizer pseudonymizer,
    ILogger<GradeBookService> logger) : GradeBook.GradeBookBase
{
    private static readonly ActivitySource Source = new("Campus.GradeBook");
    private static readonly Meter Meter = new("Campus.GradeBook");

    public override async Task<GradesReply> GetGrades(GetGradesRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var transcoding = http.GetEndpoint()?.GetMetadata<GrpcJsonTranscodingMetadata>();
        var protocol = transcoding is null ? "grpc" : "json";
        using var span = Source.StartGradeBookCall(context.Method, protocol);
        span.SetCampusrpcRoute(transcoding?.HttpRule.Pattern ?? string.Empty); // clean precision-names
        Activity.Current?.SetTag("url.path", http.Request.Path); // leak TC1001 strings
        Activity.Current?.SetTag("campus.route_value.student", http.Request.RouteValues["student_number"]?.ToString()); // leak TC1001 direct
        Activity.Current?.SetTag("campus.term", request.Term); // clean precision-names
        span.SetCampusrpcStudentId(pseudonymizer.PseudonymizeCampusrpcStudentId(request.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("{Protocol} grade request for {Request}", protocol, request); // leak TC1001 logging-objects

        var grades = await store.GradesAsync(request.StudentNumber, request.Term, context.CancellationToken);
        if (grades is null)
        {
            span.SetCampusrpcOutcome("not_found"); // clean precision-names
            throw new RpcException(new Status(StatusCode.NotFound, $"No grades for term {request.Term}")); // clean exceptions
        }

        span.SetCampusrpcNote($"{grades.Grades.Count} modules, marked by {string.Join(", ", grades.Grades.Select(g => g.MarkedBy).Distinct())}"); // leak TC1001 generated-api
        span.SetCampusrpcStreamMessages(grades.Grades.Count); // clean precision-about
        logger.LogDebug("Grades {Grades}", grades.Grades); // leak TC1001 logging-objects
        logger.LogDebug("Modules graded {Modules}", string.Join(",", grades.Grades.Select(g => g.ModuleCode))); // clean strings
        logger.LogDebug("Mean mark {Mean}", grades.Grades.Count == 0 ? 0 : grades.Grades.Average(g => g.Mark)); // clean precision-about
        Meter.CreateCampusrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), protocol); // clean precision-names
        Meter.CreateCampusrpcCallsCounter().Add(1, context.Method, nameof(StatusCode.OK), request.StudentNumber); // leak TC1003 generated-api
        return grades;
    }
}

internal static class GradeBookSpans
{
    public static CampusrpcCallSpan StartGradeBookCall(this ActivitySource source, string method, string protocol) =>
        source.StartCampusrpcCall(method).SetCampusrpcProtocol(protocol);
}
