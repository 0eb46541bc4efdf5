namespace Bereavement.Sectors;

/// <summary>A body admitted to a hospital mortuary: hospital number, NHS number, name, ward, a cause code, when admitted.</summary>
public sealed record MortuaryAdmission(string HospitalNumber, string NhsNumber, string DeceasedName, string Ward, string CauseCode, DateTimeOffset AdmittedAt);

/// <summary>A release to a funeral director: release id, firm id, firm's trading name, mortuary.</summary>
public sealed record ReleaseToFuneralDirector(string ReleaseId, string FirmId, string FirmName, string Mortuary);

/// <summary>A medical certificate of cause of death issued: certificate id, the certifying doctor's GMC number, NHS number.</summary>
public sealed record MccdIssued(string CertificateId, string DoctorGmcNumber, string NhsNumber);

/// <summary>A student's death notified to the university: student number, name, email, faculty, course.</summary>
public sealed record StudentDeath(string StudentNumber, string StudentName, string StudentEmail, string Faculty, string Course);

/// <summary>A posthumous award: student number, name, award, ceremony.</summary>
public sealed record PosthumousAward(string StudentNumber, string StudentName, string Award, string CeremonyId);

/// <summary>A deceased customer's energy account: account number, holder's name, meter serial, supply address, balance.</summary>
public sealed record DeceasedAccount(string AccountNumber, string HolderName, string MeterSerial, string SupplyAddress, decimal Balance);

/// <summary>A final bill on an estate: bill id, region, amount, days since the death; names no one.</summary>
public sealed record FinalBill(string BillId, string Region, decimal Amount, int DaysSinceDeath);

/// <summary>A request to memorialise a player's account: player id, gamertag, the requester's email, relationship.</summary>
public sealed record MemorialisationRequest(Guid PlayerId, string Gamertag, string RequesterEmail, string Relationship);

/// <summary>A deceased player's purchases passed to an heir's account: from, to, the deceased's gamertag.</summary>
public sealed record LegacyTransfer(Guid FromPlayerId, Guid ToPlayerId, string Gamertag);

/// <summary>An in-game memorial statue: statue id, realm, zone; names no one.</summary>
public sealed record MemorialStatue(string StatueId, string Realm, string Zone);

/// <summary>A death notice as booked: notice id, the deceased's name, the placer's name, the placer's phone, the notice text, edition.</summary>
public sealed record DeathNotice(string NoticeId, string DeceasedName, string PlacerName, string PlacerPhone, string Text, string Edition);

/// <summary>A notice's slot in an edition: notice id, edition, words, price; names no one.</summary>
public sealed record NoticeSlot(string NoticeId, string Edition, int Words, decimal Price);

/// <summary>A prepaid funeral plan: plan number, holder's name, holder's email, plan type, amount paid.</summary>
public sealed record FuneralPlan(string PlanNumber, string HolderName, string HolderEmail, string PlanType, decimal Paid);

/// <summary>A plan claimed at death: claim id, plan type, branch, payout; names no one.</summary>
public sealed record PlanClaim(string ClaimId, string PlanType, string Branch, decimal Payout);

/// <summary>A floral tribute order: order id, the card's message, the sender's name, the delivery address, SKU.</summary>
public sealed record FloralTributeOrder(string OrderId, string CardMessage, string SenderName, string DeliverTo, string Sku);

/// <summary>A concessionary or season pass cancelled after a death: smartcard number, holder's name, next of kin's email, scheme.</summary>
public sealed record PassCancellation(string SmartcardNumber, string HolderName, string KinEmail, string Scheme);

/// <summary>A bereavement refund decided: refund id, method, amount, depot; names no one.</summary>
public sealed record BereavementRefund(string RefundId, string Method, decimal Amount, string Depot);

/// <summary>A cortege's road closure booking: booking id, the family car's plate, route, departure.</summary>
public sealed record CortegeBooking(string BookingId, string FamilyCarPlate, string Route, DateTimeOffset Departure);
