// Generated-style code for campus/v1/*.proto (package campus.v1).
namespace Campus.V1;

public sealed partial class GetGradesRequest : IMessage<GetGradesRequest>
{
    public string StudentNumber { get; set; } = string.Empty;

    public string Term { get; set; } = string.Empty;

    public GetGradesRequest Clone() => (GetGradesRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class ModuleGrade : IMessage<ModuleGrade>
{
    public string ModuleCode { get; set; } = string.Empty;

    public int Mark { get; set; }

    /// <summary>The email of the tutor who marked it.</summary>
    public string MarkedBy { get; set; } = string.Empty;

    public ModuleGrade Clone() => (ModuleGrade)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class GradesReply : IMessage<GradesReply>
{
    public string StudentNumber { get; set; } = string.Empty;

    public RepeatedField<ModuleGrade> Grades { get; } = new();

    public GradesReply Clone() => (GradesReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class EnrolRequest : IMessage<EnrolRequest>
{
    public string StudentNumber { get; set; } = string.Empty;

    public string ModuleCode { get; set; } = string.Empty;

    public string Cohort { get; set; } = string.Empty;

    public EnrolRequest Clone() => (EnrolRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class EnrolReply : IMessage<EnrolReply>
{
    public string EnrolmentId { get; set; } = string.Empty;

    public int PlacesLeft { get; set; }

    public EnrolReply Clone() => (EnrolReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class WatchTimetableRequest : IMessage<WatchTimetableRequest>
{
    public string StudentNumber { get; set; } = string.Empty;

    public int Week { get; set; }

    public WatchTimetableRequest Clone() => (WatchTimetableRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class TimetableChange : IMessage<TimetableChange>
{
    public string ModuleCode { get; set; } = string.Empty;

    public string Room { get; set; } = string.Empty;

    public string Starts { get; set; } = string.Empty;

    public TimetableChange Clone() => (TimetableChange)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class GradeBook
{
    public const string ServiceName = "campus.v1.GradeBook";

    public abstract partial class GradeBookBase
    {
        public virtual Task<GradesReply> GetGrades(GetGradesRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Timetable
{
    public const string ServiceName = "campus.v1.Timetable";

    public abstract partial class TimetableBase
    {
        public virtual Task WatchTimetable(WatchTimetableRequest request, IServerStreamWriter<TimetableChange> responseStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Enrolment
{
    public const string ServiceName = "campus.v1.Enrolment";

    public static readonly Method<EnrolRequest, EnrolReply> EnrolMethod = new(MethodType.Unary, ServiceName, "Enrol");

    public partial class EnrolmentClient
    {
        public virtual AsyncUnaryCall<EnrolReply> EnrolAsync(EnrolRequest request, CallOptions options) => throw new NotSupportedException();

        public virtual AsyncUnaryCall<EnrolReply> EnrolAsync(EnrolRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
            EnrolAsync(request, new CallOptions(headers, deadline, cancellationToken));
    }
}
