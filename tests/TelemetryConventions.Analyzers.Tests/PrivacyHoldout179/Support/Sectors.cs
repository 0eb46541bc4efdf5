namespace Reception.Sectors;

/// <summary>A ward visit: the patient's NHS number and name, the visitor's name and mobile, the ward and the relationship.</summary>
public sealed record WardVisit(string NhsNumber, string PatientName, string VisitorName, string VisitorMobile, string Ward, string Relationship);

/// <summary>A pupil collected early: UPN, pupil name, the collector's name, the family password, year group.</summary>
public sealed record PupilCollection(string Upn, string PupilName, string CollectorName, string FamilyPassword, string YearGroup);

/// <summary>A DBS check shown at the desk: visitor id, certificate number, clear.</summary>
public sealed record DbsCheck(string VisitorId, string CertificateNumber, bool Clear);

/// <summary>A permit to work at a plant: permit id, contractor id, engineer's name, plant, isolation point.</summary>
public sealed record PermitToWork(string PermitId, string ContractorId, string EngineerName, string Plant, string IsolationPoint);

/// <summary>An engineer's visit to a household's meter: meter serial, account number, engineer's staff id.</summary>
public sealed record MeterAccessVisit(string MeterSerial, string AccountNumber, string EngineerStaffId, string Region);

/// <summary>A playtest guest: player id, gamertag, email, NDA version, build.</summary>
public sealed record PlaytestGuest(string PlayerId, string Gamertag, string Email, string NdaVersion, string Build);

/// <summary>A studio guest: guest id, name, agent's email, programme, studio.</summary>
public sealed record StudioGuest(string GuestId, string GuestName, string AgentEmail, string Programme, string Studio);

/// <summary>An audience ticket: ticket id, holder's name, mobile, recording.</summary>
public sealed record AudienceTicket(string TicketId, string HolderName, string Mobile, string Recording);

/// <summary>A supplier's rep visiting a store: supplier id, supplier name, rep's name and mobile, store.</summary>
public sealed record SupplierVisit(string SupplierId, string SupplierName, string RepName, string RepMobile, string Store);

/// <summary>A parcel for a colleague at a store: parcel id, colleague number, colleague name, store, carrier.</summary>
public sealed record StaffParcel(string ParcelId, string ColleagueNumber, string ColleagueName, string Store, string Carrier);

/// <summary>A visitor at a depot: visitor id, name, own car registration, depot, purpose.</summary>
public sealed record DepotVisitor(string VisitorId, string Name, string VehicleRegistration, string Depot, string Purpose);

/// <summary>Access to a control room: staff number, name, room.</summary>
public sealed record ControlRoomAccess(string StaffNumber, string StaffName, string Room);
