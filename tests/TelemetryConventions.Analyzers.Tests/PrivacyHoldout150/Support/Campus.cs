namespace Dating.Campus;

// A university's study buddy matching, alumni mentoring and society socials discovery.

/// <summary>A student looking for a study buddy. Prints student number, university email, display name, module and year.</summary>
public sealed record BuddySeeker(string StudentNumber, string UniversityEmail, string DisplayName, string ModuleCode, int Year);

/// <summary>A study buddy pairing. Prints pairing id, both students' numbers, module and clash count.</summary>
public sealed record BuddyPairing(string PairingId, string FirstStudentNumber, string SecondStudentNumber, string ModuleCode, int TimetableClashes);

/// <summary>An alumni mentor. Prints alumni id, name, LinkedIn handle, sector and graduation year.</summary>
public sealed record AlumniMentor(string AlumniId, string Name, string LinkedInHandle, string Sector, int GraduationYear);

/// <summary>A mentoring request. Prints request id, student number, sector and the student's own words.</summary>
public sealed record MentoringRequest(string RequestId, string StudentNumber, string Sector, string Motivation);

/// <summary>A society social. Prints event id, society id, title, capacity and start.</summary>
public sealed record SocietySocial(string EventId, string SocietyId, string Title, int Capacity, DateTimeOffset Starts);

/// <summary>An RSVP. Prints the event id, the student number, the display name and the plus-one's name.</summary>
public sealed record SocialRsvp(string EventId, string StudentNumber, string DisplayName, string? PlusOneName);

public interface IStudentRecords
{
    Task<BuddySeeker?> FindAsync(string studentNumber, CancellationToken cancellationToken = default);
}

public interface IMentorDirectory
{
    Task<IReadOnlyList<AlumniMentor>> BySectorAsync(string sector, CancellationToken cancellationToken = default);
}

/// <summary>The student is not enrolled; quotes the student number.</summary>
public sealed class StudentNotEnrolledException(string studentNumber) : Exception($"Student {studentNumber} is not enrolled this term");

/// <summary>The social is full; quotes the event and its capacity.</summary>
public sealed class SocialFullException(string eventId, int capacity) : Exception($"Social {eventId} is full ({capacity})");
