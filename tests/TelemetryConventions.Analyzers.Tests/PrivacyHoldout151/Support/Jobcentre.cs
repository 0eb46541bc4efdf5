namespace Welfare.Jobcentre;

// A jobcentre's appointments, vacancies and work trials.

/// <summary>A work coach appointment. Prints appointment id, the claimant's NINO, the work coach's staff id, office, time and channel.</summary>
public sealed record WorkCoachAppointment(string AppointmentId, string Nino, string WorkCoachStaffId, string Office, DateTimeOffset At, string Channel);

/// <summary>A vacancy matched to a claimant's search. Prints vacancy id, employer, SOC code and score.</summary>
public sealed record JobMatch(string VacancyId, string Employer, string SocCode, int Score);

/// <summary>A work trial at an employer. Prints trial id, NINO, the candidate's name, store code and days.</summary>
public sealed record WorkTrial(string TrialId, string Nino, string CandidateName, string StoreCode, int Days);

/// <summary>A work coach. Prints staff id, name and office.</summary>
public sealed record WorkCoach(string StaffId, string Name, string Office);

public interface IJobcentreDiary
{
    Task<WorkCoachAppointment> BookAsync(string nino, string office, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<WorkCoach> CoachForAsync(string nino, CancellationToken cancellationToken = default);
}

/// <summary>The claimant has not accepted their claimant commitment; quotes the NINO.</summary>
public sealed class CommitmentNotAcceptedException(string nino) : Exception($"Claimant {nino} has not accepted the claimant commitment");

/// <summary>An appointment was missed; quotes the appointment id and office.</summary>
public sealed class AppointmentMissedException(string appointmentId, string office) : Exception($"Appointment {appointmentId} at {office} was missed");

/// <summary>The vacancy has closed; quotes the vacancy id.</summary>
public sealed class VacancyClosedException(string vacancyId) : Exception($"Vacancy {vacancyId} is closed");
