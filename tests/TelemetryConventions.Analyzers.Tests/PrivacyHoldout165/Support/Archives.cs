namespace PrivacyHoldout165.Support;

// A college's family history course, pupils' family tree projects and an archive's reading room.

/// <summary>An enrolment on the family history certificate. Prints student number, name, email and course code.</summary>
public sealed record CourseEnrolment(string StudentNumber, string StudentName, string Email, string CourseCode, string Cohort);

/// <summary>A pupil's family tree project. Prints the project id, pupil's UPN, the ancestors' names and the teacher's comment.</summary>
public sealed record TreeProject(string ProjectId, string PupilUpn, string PupilName, IReadOnlyList<string> AncestorNames, string TeacherComment, int Generations);

/// <summary>A mark on a project. Prints project id, mark and band; names no one.</summary>
public sealed record ProjectMark(string ProjectId, int Mark, string Band);

/// <summary>A reader's ticket at the archive. Prints ticket number, name, email and postcode.</summary>
public sealed record ReaderTicket(string TicketNumber, string ReaderName, string Email, string Postcode);

/// <summary>A document ordered to the reading room. Prints the document reference, the collection and the desk.</summary>
public sealed record DocumentOrder(string OrderId, string DocumentReference, string Collection, string Desk);

public interface IEnrolmentStore
{
    Task<CourseEnrolment?> FindAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(CourseEnrolment enrolment, CancellationToken cancellationToken = default);
}

public interface IProjectStore
{
    Task<TreeProject?> LoadAsync(string projectId, CancellationToken cancellationToken = default);

    Task SaveMarkAsync(ProjectMark mark, CancellationToken cancellationToken = default);
}

public interface IReadingRoom
{
    Task<ReaderTicket?> TicketAsync(string ticketNumber, CancellationToken cancellationToken = default);

    Task<DocumentOrder> OrderAsync(string ticketNumber, string documentReference, CancellationToken cancellationToken = default);
}

/// <summary>The reader's ticket has expired; quotes the ticket number.</summary>
public sealed class TicketExpiredException(string ticketNumber) : Exception($"Reader ticket {ticketNumber} has expired");

/// <summary>A document is closed to readers; quotes the document reference and the closure year.</summary>
public sealed class DocumentClosedException(string documentReference, int openYear) : Exception($"{documentReference} is closed until {openYear}");

/// <summary>The course is full; quotes the course code.</summary>
public sealed class CourseFullException(string courseCode) : Exception($"Course {courseCode} is full");
