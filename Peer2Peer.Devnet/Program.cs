// The devnet: siad-compatible nodes on one in-memory Sia chain and OpenvCloud-compatible controllers.
// Composition lands with the devnet issues (Sia side: issue 3, OpenvCloud side: issue 4).
Console.Error.WriteLine("Peer2Peer.Devnet: not composed yet");
return 2;
