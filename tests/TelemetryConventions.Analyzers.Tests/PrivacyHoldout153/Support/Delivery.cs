namespace HighStreet.Delivery;

// Home delivery of medicines and patient transport to eye and dental appointments.

/// <summary>A drop on a delivery round. Prints drop id, the patient's record, address line, postcode, whether a controlled drug and round.</summary>
public sealed record DeliveryDrop(string DropId, string PatientRecord, string AddressLine, string Postcode, bool ControlledDrug, string Round);

/// <summary>A delivery van. Prints registration and depot.</summary>
public sealed record Van(string Registration, string Depot, int Capacity);

/// <summary>A driver. Prints staff id, name and mobile.</summary>
public sealed record Driver(string StaffId, string Name, string Mobile);

/// <summary>A signature for a controlled drug. Prints drop id, the signer's name, relationship and the driver's staff id.</summary>
public sealed record SignatureCapture(string DropId, string SignedBy, string Relationship, string DriverStaffId, int StrokeCount);

/// <summary>A patient transport booking. Prints booking id, NHS number, pickup postcode, wheelchair, escort's name and mobile.</summary>
public sealed record TransportBooking(string BookingId, string NhsNumber, string PickupPostcode, bool Wheelchair, string EscortName, string Mobile);

public interface IRoundStore
{
    Task<IReadOnlyList<DeliveryDrop>> DropsAsync(string round, DateOnly on, CancellationToken cancellationToken = default);

    Task<Driver> DriverForAsync(string round, CancellationToken cancellationToken = default);
}

/// <summary>The patient text service and the transport provider's booking API: not telemetry.</summary>
public interface IDeliveryNotifier
{
    Task TextAsync(string mobile, string message, CancellationToken cancellationToken = default);
}

/// <summary>No signature was captured; quotes the drop.</summary>
public sealed class SignatureMissingException(string dropId) : Exception($"Drop {dropId} has no signature");

/// <summary>The signer is not the patient or their named representative; quotes the signer's name.</summary>
public sealed class RecipientMismatchException(string signedBy) : Exception($"{signedBy} is not authorised to receive this delivery");

/// <summary>No vehicle is free; quotes the depot and the hour.</summary>
public sealed class NoVehicleException(string depot, int hour) : Exception($"No vehicle free at {depot} for {hour}:00");
