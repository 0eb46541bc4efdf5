using System;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Healthcare;

public sealed class Patient : AggregateRoot, ISoftDeletable
{
    public Guid Id { get; set; }

    /// <summary>The hospital number (MRN), unique per trust.</summary>
    public required string HospitalNumber { get; set; }

    public required string NhsNumber { get; set; }

    public required string FamilyName { get; set; }

    public string? Email { get; set; }

    public string? MobilePhone { get; set; }

    public int WardId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public void ChangeContact(string? email, string? mobilePhone)
    {
        var emailChanged = !string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
        Email = email;
        MobilePhone = mobilePhone;
        Raise(new PatientContactChanged(Id, HospitalNumber, emailChanged));
    }
}

public sealed class Appointment : AggregateRoot
{
    public Guid Id { get; set; }

    public required string PatientHospitalNumber { get; set; }

    public int ClinicId { get; set; }

    public DateTimeOffset SlotStart { get; set; }

    public string Status { get; set; } = "Booked";

    public byte[] RowVersion { get; set; } = Array.Empty<byte>();

    public void Book() => Raise(new AppointmentBooked(Id, ClinicId, PatientHospitalNumber, SlotStart));
}

public sealed record PatientContactChanged(Guid PatientId, string HospitalNumber, bool EmailChanged) : DomainEvent;

public sealed record AppointmentBooked(Guid AppointmentId, int ClinicId, string HospitalNumber, DateTimeOffset SlotStart) : DomainEvent;

/// <summary>
/// The clinic's context. Its connection string sets "Include Error Detail=true" (turned on while
/// the booking conflicts were investigated), so Npgsql keeps the row values in Detail.
/// </summary>
public sealed class ClinicDbContext : DbContext
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Appointment> Appointments => Set<Appointment>();
}
