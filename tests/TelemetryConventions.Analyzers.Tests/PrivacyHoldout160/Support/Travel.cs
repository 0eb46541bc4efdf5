namespace MedTech.Travel;

// Patient transport, portable oxygen approvals and rail assistance for powered wheelchairs.

/// <summary>A patient transport booking. Prints booking id, NHS number, patient name, pickup address, clinic, mobility and oxygen.</summary>
public sealed record TransportBooking(string BookingId, string NhsNumber, string PatientName, string PickupAddress, string Clinic, string Mobility, bool OxygenOnBoard);

/// <summary>An ambulance's state. Prints callsign, depot, seats and stretcher.</summary>
public sealed record VehicleStatus(string Callsign, string Depot, int Seats, bool Stretcher);

/// <summary>An airline's approval of a passenger's oxygen concentrator. Prints approval id, PNR, passenger name, frequent flyer number, model, battery minutes and flight.</summary>
public sealed record PocApproval(string ApprovalId, string Pnr, string PassengerName, string FrequentFlyerNumber, string PocModel, int BatteryMinutes, string Flight);

/// <summary>Rail assistance for a powered wheelchair. Prints assistance id, passenger name, mobile, station, wheelchair model and weight.</summary>
public sealed record AssistanceBooking(string AssistanceId, string PassengerName, string Mobile, string Station, string WheelchairModel, int WeightKg);

/// <summary>Not eligible for transport; quotes the NHS number.</summary>
public sealed class PatientNotEligibleException(string nhsNumber) : Exception($"Patient {nhsNumber} is not eligible for transport");

/// <summary>No vehicle at a depot; quotes it.</summary>
public sealed class VehicleUnavailableException(string depot) : Exception($"No vehicle available at {depot}");

/// <summary>A concentrator model the airline does not accept; quotes the model.</summary>
public sealed class PocNotApprovedException(string pocModel) : Exception($"Concentrator {pocModel} is not approved for carriage");

/// <summary>No passenger with a frequent flyer number; quotes it.</summary>
public sealed class PassengerNotFoundException(string frequentFlyerNumber) : Exception($"No passenger with frequent flyer number {frequentFlyerNumber}");
