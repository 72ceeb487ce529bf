UPDATE habit SET title = upper(title) WHERE title = 'run';

UPDATE habit SET archived = false WHERE archived IS NULL;

UPDATE habit
   SET title = title || ' (it''s done)'
 WHERE archived = false;
