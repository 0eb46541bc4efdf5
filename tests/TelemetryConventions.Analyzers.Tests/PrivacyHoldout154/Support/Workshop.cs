namespace Motor.Workshop;

// A college's motor vehicle academy.

/// <summary>An apprentice. Prints student number, name, email and cohort.</summary>
public sealed record Apprentice(string StudentNumber, string Name, string Email, string Cohort);

/// <summary>A job on a member of the public's car. Prints job number, registration, owner's name and phone, task and the apprentice's student number.</summary>
public sealed record WorkshopJob(string JobNumber, string Registration, string OwnerName, string OwnerPhone, string Task, string ApprenticeStudentNumber);

/// <summary>A college minibus. Prints fleet number, registration, seats and MOT due date.</summary>
public sealed record Minibus(string FleetNumber, string Registration, int Seats, DateOnly MotDue);

/// <summary>A minibus trip. Prints trip id, fleet number, the driver's staff number and pupils.</summary>
public sealed record MinibusTrip(string TripId, string FleetNumber, string DriverStaffNumber, int Pupils);

/// <summary>An assessor's sign-off. Prints job number, student number, assessor's staff id and grade.</summary>
public sealed record AssessmentSignOff(string JobNumber, string StudentNumber, string AssessorStaffId, string Grade);

public interface IWorkshopDiary
{
    Task<WorkshopJob?> JobAsync(string jobNumber, CancellationToken cancellationToken = default);

    Task<Apprentice?> ApprenticeAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task RecordSignOffAsync(AssessmentSignOff signOff, CancellationToken cancellationToken = default);
}

/// <summary>The apprentice is not enrolled; quotes the student number.</summary>
public sealed class ApprenticeNotEnrolledException(string studentNumber) : Exception($"Student {studentNumber} is not enrolled on a motor vehicle course");

/// <summary>The bay is in use; quotes the bay.</summary>
public sealed class BayOccupiedException(string bay) : Exception($"Bay {bay} is occupied");

/// <summary>The minibus's MOT has expired; quotes the fleet number and the due date.</summary>
public sealed class MinibusMotExpiredException(string fleetNumber, DateOnly due) : Exception($"Minibus {fleetNumber} MOT expired on {due:yyyy-MM-dd}");
