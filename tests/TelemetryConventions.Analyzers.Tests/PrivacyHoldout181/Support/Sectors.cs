namespace Removals.Sectors;

/// <summary>Community equipment collected from a patient's home: collection id, NHS number, patient name, home address, key safe code, equipment code.</summary>
public sealed record EquipmentCollection(string CollectionId, string NhsNumber, string PatientName, string HomeAddress, string KeySafeCode, string EquipmentCode);

/// <summary>A patient's change of address: NHS number, name, old and new postcode, the GP practice's ODS code.</summary>
public sealed record PatientAddressChange(string NhsNumber, string PatientName, string OldPostcode, string NewPostcode, string PracticeOds);

/// <summary>A student's summer storage booking: booking id, student number, name, email, boxes, hall.</summary>
public sealed record SummerStorageBooking(string BookingId, string StudentNumber, string StudentName, string StudentEmail, int Boxes, string Hall);

/// <summary>A hall room's keys returned at move-out: room, student number, name, forwarding address, fob returned.</summary>
public sealed record RoomKeyReturn(string RoomRef, string StudentNumber, string StudentName, string ForwardingAddress, bool FobReturned);

/// <summary>A customer moving home: account number, name, meter serial, new address and postcode, move date, closing reading.</summary>
public sealed record HomeMoveRequest(string AccountNumber, string CustomerName, string MeterSerial, string NewAddress, string NewPostcode, DateOnly MoveDate, decimal ClosingReading);

/// <summary>A notice to a council: notice id, council, account number, new address.</summary>
public sealed record CouncilNotice(string NoticeId, string Council, string AccountNumber, string NewAddress);

/// <summary>A player moving into a team house: player id, gamertag, real name, new address, team.</summary>
public sealed record TeamHouseMove(string PlayerId, string Gamertag, string RealName, string NewAddress, string Team);

/// <summary>A collector's edition re-addressed: order id, player id, email, new postcode, edition.</summary>
public sealed record ShippingAddressChange(string OrderId, string PlayerId, string Email, string NewPostcode, string Edition);

/// <summary>A property show's contributor: contributor id, name, home address, mobile, episode.</summary>
public sealed record MakeoverContributor(string ContributorId, string ContributorName, string HomeAddress, string Mobile, string Episode);

/// <summary>A subscriber's dish moved to a new home: subscriber id, new postcode, installer's staff id, package.</summary>
public sealed record DishMove(string SubscriberId, string NewPostcode, string InstallerStaffId, string Package);

/// <summary>A removal run: run id, driver's staff id, driver's name, van fleet number, drops, depot.</summary>
public sealed record RemovalRun(string RunId, string DriverStaffId, string DriverName, string VanFleetNumber, int Drops, string Depot);

/// <summary>A parking suspension for a removal: reference, the customer's own car registration, street, borough.</summary>
public sealed record ParkingSuspension(string SuspensionRef, string CustomerVehicleReg, string Street, string Borough);
