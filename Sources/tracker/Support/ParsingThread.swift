import Foundation
import TrackerIngest

/// What the parsing thread hands to the inserting thread.
enum ParsedItem: Sendable {
    case batch(ObservationBatch)
    case finished(contentHash: String, bytes: Int)
    case failed(IngestError)
}

/// Reads and parses one input on its own thread, feeding batches through a bounded queue,
/// so that parsing and inserting overlap on two cores.
enum ParsingThread {
    static func start(path: String, format: InputFormat, options: ReadOptions,
                      progress: ProgressBar?) -> BoundedQueue<ParsedItem> {
        let queue = BoundedQueue<ParsedItem>(capacity: 4)
        let thread = Thread {
            do {
                let source = try ByteSource(path: path)
                if let progress {
                    progress.total = source.expectedSize
                    source.onProgress = { progress.update(bytes: $0) }
                }
                try format.reader(source: source, options: options).read { batch in
                    guard queue.put(.batch(batch)) else { throw CancellationError() }
                }
                queue.put(.finished(contentHash: source.digest(), bytes: source.bytesRead))
            } catch let error as IngestError {
                queue.put(.failed(error))
            } catch is CancellationError {
                // The consumer stopped early; nothing more to say.
            } catch {
                queue.put(.failed(IngestError(source: path, message: "\(error)")))
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
        return queue
    }
}
