namespace Salon.Academy;

// A further education college's hair and beauty academy: training floor, apprentices' logbooks and the student salon.

/// <summary>A learner. Prints student number, name, email, course and year.</summary>
public sealed record Learner(string StudentNumber, string Name, string Email, string Course, int Year);

/// <summary>A member of the public booked as a model for a learner. Prints booking id, model's name and mobile, student number, service and time.</summary>
public sealed record ModelBooking(string BookingId, string ModelName, string ModelMobile, string StudentNumber, string Service, DateTimeOffset At);

/// <summary>An apprentice's logbook entry. Prints entry id, student number, service, the learner's reflection and the assessor's staff id.</summary>
public sealed record LogbookEntry(string EntryId, string StudentNumber, string Service, string Reflection, string AssessorStaffId);

/// <summary>A unit's assessment result. Prints assessment id, unit, grade and whether it passed.</summary>
public sealed record Assessment(string AssessmentId, string Unit, string Grade, bool Passed);

/// <summary>A training floor. Prints floor id, college and chairs.</summary>
public sealed record TrainingFloor(string FloorId, string College, int Chairs);

/// <summary>The college's learner records and the student salon's diary; not telemetry.</summary>
public interface ILearnerRecords
{
    Task<Learner?> FindAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task SignOffAsync(string entryId, string assessorStaffId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModelBooking>> FloorDayAsync(string floorId, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>The learner is not enrolled; quotes the student number.</summary>
public sealed class LearnerNotEnrolledException(string studentNumber) : Exception($"Learner {studentNumber} is not enrolled on a hair or beauty course");

/// <summary>A unit is locked; quotes the unit and a reason code.</summary>
public sealed class UnitLockedException(string unit, string reason) : Exception($"Unit {unit} is locked ({reason})");

/// <summary>A model under sixteen for a chemical service; quotes the model's name and age.</summary>
public sealed class ModelUnderageException(string modelName, int age) : Exception($"{modelName} is {age} and cannot have a chemical service");
