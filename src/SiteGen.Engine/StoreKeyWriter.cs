using System.Text;

namespace SiteGen.Engine;

/// <summary>
/// The writer of a document into the key its work is stored under (<see cref="DocumentCodec.Write"/> with no input): a
/// value that knows a hash of itself (a text kept as its bytes) may write the hash instead of what it hashes, since a key
/// only tells contents apart. A one-off rebuild's store lends the abstracts it reads back (<see cref="IStoredBytesReader"/>),
/// and writing each into every key would have read it back from the file for each step.
/// </summary>
public sealed class StoreKeyWriter() : BinaryWriter(new MemoryStream(), Encoding.UTF8);
